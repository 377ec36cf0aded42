# syntax=docker/dockerfile:1
# Meshscope's container image: `docker build -t ghcr.io/meshscope/meshscope:<version> .` (see deploy/README.md).
# Three stages: the npm dependencies, the Next build, and a runtime holding only Next's standalone output.

# Keep in step with the `node` devDependency in package.json (a unit test checks it).
ARG NODE_VERSION=24.21.0

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    MESHSCOPE_STANDALONE=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN node node_modules/next/dist/bin/next build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
# HOSTNAME: listen on every interface, so the kubelet's probes and the Service reach the pod. (On a workstation the
# lab keeps everything on 127.0.0.1; that rule is about the machine, not about a pod's own network namespace.)
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
# The image's `node` user is 1000:1000. A numeric USER lets Kubernetes verify runAsNonRoot without reading
# /etc/passwd. The files stay root-owned and read-only to it; only Next's cache directory is its own.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown 1000:1000 .next/cache
USER 1000:1000
EXPOSE 3000
# No HEALTHCHECK: on Kubernetes the Deployment's probes call /api/healthz.
CMD ["node", "server.js"]
