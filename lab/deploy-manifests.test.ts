// What the container recipe and the Kubernetes manifests promise, read from the files themselves. The lab's API
// server checks the same objects in deploy-manifests.int.test.ts.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_DIR, ROOT, parseDockerfile, readManifests, readYamlDocuments, type Manifest } from '../deploy/manifests';
import { readConfig } from '../lib/config/env';
import { ISTIO_RESOURCES } from '../lib/mesh/inventory/istio-parse';

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
}

const READ_VERBS = new Set(['get', 'list', 'watch']);
const manifests = readManifests();

function find(kind: string, name: string): Manifest['object'] {
  const found = manifests.find((m) => m.object.kind === kind && m.object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} under deploy/kubernetes`);
  return found.object;
}

function rulesOf(role: Manifest['object']): Rule[] {
  return (role.rules as Rule[] | undefined) ?? [];
}

/** Every (group, resource, verb) a role grants beyond reading. */
function writes(role: Manifest['object']): string[] {
  return rulesOf(role).flatMap((r) =>
    (r.apiGroups ?? []).flatMap((g) => (r.resources ?? []).flatMap((res) => (r.verbs ?? []).filter((v) => !READ_VERBS.has(v)).map((v) => `${v} ${res}.${g || 'core'}`))),
  );
}

const roles = manifests.filter((m) => m.object.kind === 'ClusterRole' || m.object.kind === 'Role');
const deployment = find('Deployment', 'meshscope');
const pod = (deployment.spec as { template: { spec: PodSpec } }).template.spec;
const container = pod.containers[0]!;

interface PodSpec {
  serviceAccountName: string;
  securityContext: Record<string, unknown>;
  containers: {
    image: string;
    ports: { name: string; containerPort: number }[];
    env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
    readinessProbe: { httpGet: { path: string; port: string } };
    livenessProbe: { httpGet: { path: string; port: string } };
    resources: { requests: Record<string, string>; limits: Record<string, string> };
    securityContext: Record<string, unknown> & { capabilities: { drop: string[] } };
    volumeMounts: { name: string; mountPath: string }[];
  }[];
  volumes: { name: string; emptyDir?: object }[];
}

describe('kustomizations', () => {
  const listed = (dir: string) => (readYamlDocuments(join(dir, 'kustomization.yaml'))[0] as { resources: string[] }).resources;
  const yamlIn = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');

  it('the base lists every manifest in its folder except the example Secret', () => {
    expect([...listed(MANIFEST_DIR)].sort()).toEqual(yamlIn(MANIFEST_DIR).filter((f) => f !== 'secret.example.yaml').sort());
  });

  it('the optional editor grant lists every manifest in its folder', () => {
    const dir = join(MANIFEST_DIR, 'istio-editor');
    expect([...listed(dir)].sort()).toEqual(yamlIn(dir).sort());
  });

  it('no two manifests define the same object', () => {
    const keys = manifests.map((m) => `${m.object.kind}/${m.object.metadata?.namespace ?? ''}/${m.object.metadata?.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('RBAC', () => {
  it('the viewer role reads and never writes, apart from asking the API server who it is and what it may do', () => {
    expect(writes(find('ClusterRole', 'meshscope-reader')).sort()).toEqual([
      'create selfsubjectaccessreviews.authorization.k8s.io',
      'create selfsubjectreviews.authentication.k8s.io',
    ]);
  });

  it('the viewer role reads every Istio kind the console lists', () => {
    const readable = new Set(rulesOf(find('ClusterRole', 'meshscope-reader')).flatMap((r) => (r.apiGroups ?? []).flatMap((g) => (r.resources ?? []).map((res) => `${res}.${g}`))));
    for (const { group, plural } of Object.values(ISTIO_RESOURCES)) expect(readable, `${plural}.${group}`).toContain(`${plural}.${group}`);
  });

  it('only meshscope-istio-editor writes Istio objects, and only VirtualServices and DestinationRules', () => {
    const istioWriters = roles.filter((r) => writes(r.object).some((w) => /\.(networking|security)\.istio\.io$/.test(w)));
    expect(istioWriters.map((r) => r.object.metadata?.name)).toEqual(['meshscope-istio-editor']);
    const resources = new Set(writes(find('ClusterRole', 'meshscope-istio-editor')).map((w) => w.split(' ')[1]));
    expect([...resources].sort()).toEqual(['destinationrules.networking.istio.io', 'virtualservices.networking.istio.io']);
  });

  it('ConfigMaps are writable only through a namespaced Role in the console namespace', () => {
    const configMapWriters = roles.filter((r) => writes(r.object).some((w) => w.endsWith(' configmaps.core')));
    expect(configMapWriters.map((r) => `${r.object.kind} ${r.object.metadata?.namespace}/${r.object.metadata?.name}`)).toEqual(['Role meshscope/meshscope-change-history']);
  });

  it('no role uses wildcards or touches Secrets', () => {
    for (const role of roles) {
      for (const rule of rulesOf(role.object)) {
        expect([...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...(rule.verbs ?? [])], role.file).not.toContain('*');
        expect(rule.resources ?? [], role.file).not.toContain('secrets');
      }
    }
  });

  it('every binding names a role defined here and the console service account', () => {
    const bindings = manifests.filter((m) => m.object.kind === 'ClusterRoleBinding' || m.object.kind === 'RoleBinding');
    expect(bindings.length).toBe(3);
    for (const { object, file } of bindings) {
      const ref = object.roleRef as { kind: string; name: string };
      expect(() => find(ref.kind, ref.name), file).not.toThrow();
      expect(object.subjects, file).toEqual([{ kind: 'ServiceAccount', name: 'meshscope', namespace: 'meshscope' }]);
    }
    expect(pod.serviceAccountName).toBe('meshscope');
    expect(() => find('ServiceAccount', 'meshscope')).not.toThrow();
  });
});

describe('Deployment', () => {
  const env = Object.fromEntries(container.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));

  it('configures the console without a problem once the kubelet adds KUBERNETES_SERVICE_HOST', () => {
    const config = readConfig({ ...env, MESHSCOPE_SESSION_SECRET: randomBytes(48).toString('base64'), KUBERNETES_SERVICE_HOST: '10.96.0.1' }, () => false);
    expect(config.problems).toEqual([]);
    expect(config.kubernetes).toEqual({ configured: true, value: { source: 'in-cluster' } });
    expect(config.prometheus).toEqual({ configured: true, value: { url: 'http://prometheus.istio-system:9090' } });
    expect(config.jaeger).toEqual({ configured: true, value: { url: 'http://tracing.istio-system/jaeger' } });
  });

  it('takes the session secret from the Secret the example shows', () => {
    const ref = container.env.find((e) => e.name === 'MESHSCOPE_SESSION_SECRET')?.valueFrom?.secretKeyRef;
    expect(env.MESHSCOPE_AUTH_STRATEGY).toBe('token');
    expect(ref).toEqual({ name: 'meshscope-session', key: 'secret' });
    const secret = find('Secret', 'meshscope-session');
    expect(secret.metadata?.namespace).toBe(deployment.metadata?.namespace);
    expect(Object.keys(secret.stringData as object)).toEqual(['secret']);
  });

  it("the example Secret's placeholder is refused, so it cannot go live unchanged", () => {
    const placeholder = (find('Secret', 'meshscope-session').stringData as { secret: string }).secret;
    const config = readConfig({ ...env, MESHSCOPE_SESSION_SECRET: placeholder, KUBERNETES_SERVICE_HOST: '10.96.0.1' }, () => false);
    expect(config.problems).toEqual([expect.stringMatching(/^MESHSCOPE_SESSION_SECRET: /)]);
  });

  it('runs as the image user, unprivileged, on a read-only root with writable /tmp and Next cache', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: dockerUser().uid, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    const emptyDirs = new Set(pod.volumes.filter((v) => v.emptyDir).map((v) => v.name));
    const writable = container.volumeMounts.filter((m) => emptyDirs.has(m.name)).map((m) => m.mountPath);
    expect(writable.sort()).toEqual([`${dockerWorkdir()}/.next/cache`, '/tmp']);
  });

  it('probes a route that exists and calls no upstream, on the port the image listens on', () => {
    expect(container.readinessProbe.httpGet).toEqual({ path: '/api/healthz', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/api/healthz', port: 'http' });
    expect(existsSync(join(ROOT, 'app/api/healthz/route.ts'))).toBe(true);
    expect(container.ports).toEqual([{ name: 'http', containerPort: Number(runtimeEnv().PORT), protocol: 'TCP' }]);
  });

  it('sets requests and limits for CPU and memory, and pins the image tag', () => {
    expect(Object.keys(container.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
    expect(container.image).toMatch(/^ghcr\.io\/meshscope\/meshscope:\d+\.\d+\.\d+$/);
  });

  it('is what the Service selects and targets', () => {
    const service = find('Service', 'meshscope');
    const spec = service.spec as { type: string; selector: Record<string, string>; ports: { port: number; targetPort: string }[] };
    const labels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
    expect(spec.type).toBe('ClusterIP');
    expect(labels).toMatchObject(spec.selector);
    expect(spec.ports.map((p) => [p.port, p.targetPort])).toEqual([[80, 'http']]);
  });
});

const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.stages.at(-1)!;
const runtimeArgs = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

function dockerUser(): { uid: number; gid: number } {
  const [user = ''] = runtimeArgs('USER').slice(-1);
  const match = /^(\d+):(\d+)$/.exec(user);
  if (!match) throw new Error(`the runtime stage's USER is not numeric uid:gid: "${user}"`);
  return { uid: Number(match[1]), gid: Number(match[2]) };
}

function dockerWorkdir(): string {
  return runtimeArgs('WORKDIR').at(-1) ?? '/';
}

function runtimeEnv(): Record<string, string> {
  return Object.fromEntries(runtimeArgs('ENV').flatMap((args) => args.split(' ').map((pair) => pair.split('=') as [string, string])));
}

describe('Dockerfile', () => {
  it('runs the standalone server as a non-root numeric user', () => {
    expect(dockerUser().uid).toBeGreaterThan(0);
    expect(runtime.instructions.at(-1)).toEqual({ keyword: 'CMD', args: '["node", "server.js"]' });
  });

  it("copies only the build's standalone server, its static files and public/", () => {
    expect(runtimeArgs('COPY')).toEqual([
      '--from=build /app/.next/standalone ./',
      '--from=build /app/.next/static ./.next/static',
      '--from=build /app/public ./public',
    ]);
  });

  it('listens on every interface of the pod, on port 3000, in production mode', () => {
    expect(runtimeEnv()).toMatchObject({ NODE_ENV: 'production', HOSTNAME: '0.0.0.0', PORT: '3000' });
  });

  it('builds with npm ci and next build, asking next.config.mjs for standalone output', () => {
    const all = dockerfile.stages.flatMap((s) => s.instructions);
    expect(all).toContainEqual({ keyword: 'RUN', args: expect.stringMatching(/^npm ci\b/) });
    expect(all).toContainEqual({ keyword: 'RUN', args: 'node node_modules/next/dist/bin/next build' });
    const buildStage = dockerfile.stages.find((s) => / AS build$/.test(s.from))!;
    expect(buildStage.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.args).join(' ')).toContain('MESHSCOPE_STANDALONE=1');
    expect(readFileSync(join(ROOT, 'next.config.mjs'), 'utf8')).toContain("output: process.env.MESHSCOPE_STANDALONE === '1' ? 'standalone' : undefined");
  });

  it('pins every base image to the Node version the project runs on, and has no HEALTHCHECK', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(dockerfile.globals).toContainEqual({ keyword: 'ARG', args: `NODE_VERSION=${pkg.devDependencies.node}` });
    for (const stage of dockerfile.stages) expect(stage.from).toMatch(/^node:\$\{NODE_VERSION\}-[a-z]+-slim AS [a-z]+$/);
    expect(dockerfile.stages.flatMap((s) => s.instructions).map((i) => i.keyword)).not.toContain('HEALTHCHECK');
  });

  it('keeps local state and secrets out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '.next', 'node_modules', '.lab', '.env*']) expect(ignored).toContain(entry);
  });
});
