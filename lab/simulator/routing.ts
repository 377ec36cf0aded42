// What a sidecar or the ingress gateway does with one HTTP request, given the mesh's VirtualServices: pilot's
// route building (pilot/pkg/networking/core/route) and Envoy's first-match routing, folded into one decision.

import {
  compareByAge,
  configKey,
  hostMatchSpecificity,
  labelsMatch,
  parseDurationMs,
  resolveHost,
  type HttpMatchRequest,
  type HttpRoute,
  type MeshConfig,
  type StringMatch,
  type VirtualService,
} from './istio-config';

export { parseDurationMs } from './istio-config';
// The DestinationRule and PeerAuthentication halves of the decision live beside this file; one import serves all.
export { subsetLabels, trafficPolicyFor, type TrafficPolicyDecision } from './destination-rules';
export { connectionSecurity, peerAuthenticationMode, type PeerAuthenticationDecision } from './peer-authentication';

/** The gateway name Istio gives to all sidecars. */
export const MESH_GATEWAY = 'mesh';

/** One request as the client's proxy sees it. */
export interface RequestContext {
  /** Namespace of the proxy that routes: the client workload's, or the gateway's for ingress traffic. */
  sourceNamespace: string;
  /** Labels of the proxy that routes (the client workload's, or the gateway's). */
  sourceLabels: Record<string, string>;
  /** `namespace/name` of the Gateway for ingress traffic; otherwise the sidecar (`mesh`) routes. */
  viaGateway?: string;
  /** FQDN the request is addressed to, e.g. `reviews.bookinfo.svc.cluster.local`. */
  host: string;
  /** Service port the request is sent to (the listener port). */
  port: number;
  /** Request headers; names are matched case-insensitively. `host` feeds `authority` matches. */
  headers: Record<string, string>;
  /** Path with an optional query string, e.g. `/productpage?u=normal`. */
  path: string;
  method: string;
}

/** Retry policy of a route, as Envoy applies it. */
export interface RetryDecision {
  /** Retries after the first try. */
  attempts: number;
  perTryTimeoutMs?: number;
  /** Envoy `retry_on` conditions, e.g. `connect-failure`, `5xx`, `retriable-status-codes`. */
  retryOn: readonly string[];
  /** Status codes `retriable-status-codes` retries (numbers in `retryOn`, or 503 by default). */
  retriableStatusCodes: readonly number[];
}

/** Where a request goes and what the proxy does to it on the way. */
export interface RouteDecision {
  /** `namespace/name` of the VirtualService whose route matched, if any. */
  virtualService?: string;
  /** `name` of the matched HTTP route, if it has one. */
  route?: string;
  /** Weighted destinations, weights summing to 100; empty when the proxy answers by itself (`directResponse`). */
  destinations: { host: string; subset?: string; port?: number; weight: number }[];
  /**
   * The proxy answers without an upstream: 404 with response flag `NR` when a VirtualService owns the host but no
   * route matches (and at a gateway with no VirtualService), or a route's `directResponse`/`redirect`.
   */
  directResponse?: { status: number; responseFlags: string };
  fault?: { delay?: { percent: number; fixedDelayMs: number }; abort?: { percent: number; httpStatus?: number; grpcStatus?: string } };
  /** Whole-request timeout; absent means none (Istio's default for HTTP routes). */
  timeoutMs?: number;
  /** Absent when the route disables retries (`attempts: 0`). */
  retries?: RetryDecision;
}

/** Istio's retry policy for a route without `retries`: 2 retries on connection failures and 503. */
export const DEFAULT_RETRIES: Readonly<RetryDecision> = Object.freeze({
  attempts: 2,
  retryOn: Object.freeze(['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes']),
  retriableStatusCodes: Object.freeze([503]),
});

const NO_ROUTE = { status: 404, responseFlags: 'NR' } as const;

/**
 * Routes one request the way Istio does: the VirtualService owning the most specific matching host for this proxy
 * (oldest wins a tie at a sidecar; a gateway merges them, oldest first), then its first HTTP route with a matching
 * `match` entry. Without a VirtualService a sidecar sends the request to `req.host` unchanged.
 */
export function resolveRoute(config: MeshConfig, req: RequestContext): RouteDecision {
  const gateway = req.viaGateway ?? MESH_GATEWAY;
  let best = Number.NEGATIVE_INFINITY;
  let owners: VirtualService[] = [];
  for (const vs of config.virtualServices) {
    if (!vsGateways(vs).includes(gateway)) continue;
    const specificity = bestHostMatch(vs, req.host);
    if (specificity === undefined || specificity < best) continue;
    if (specificity > best) owners = [];
    best = specificity;
    owners.push(vs);
  }
  owners.sort(compareByAge);

  // A route whose `port`, `gateways` or source conditions exclude this proxy is never generated for it; a
  // VirtualService left with no routes for the proxy does not own the host there.
  const candidates = owners
    .map((vs) => ({ vs, routes: (vs.spec.http ?? []).filter((r) => routeAppliesToProxy(r, vs, gateway, req)) }))
    .filter((c) => c.routes.length > 0);
  const used = gateway === MESH_GATEWAY ? candidates.slice(0, 1) : candidates;
  const owner = used[0];
  if (!owner) {
    // A gateway has no route of its own to fall back on; a sidecar has the service's default route.
    if (gateway !== MESH_GATEWAY) return { destinations: [], directResponse: NO_ROUTE };
    return { destinations: [{ host: req.host, weight: 100 }], retries: DEFAULT_RETRIES };
  }

  const view = requestView(req);
  for (const { vs, routes } of used) {
    for (const route of routes) {
      if (!route.match?.length || route.match.some((m) => proxyMatches(m, vs, gateway, req) && requestMatches(m, view))) {
        return decide(vs, route);
      }
    }
  }
  return { virtualService: configKey(owner.vs), destinations: [], directResponse: NO_ROUTE };
}

/** The gateways a VirtualService binds to, resolved to `namespace/name` (`mesh` for sidecars when none). */
function vsGateways(vs: VirtualService): string[] {
  const names = vs.spec.gateways?.length ? vs.spec.gateways : [MESH_GATEWAY];
  return names.map((g) => resolveGatewayName(g, vs.metadata.namespace));
}

/** Pilot's `resolveGatewayName`: `name`, `./name`, `ns/name` and the legacy `name.ns.svc.cluster.local`. */
function resolveGatewayName(name: string, namespace: string): string {
  if (name === MESH_GATEWAY) return name;
  const slash = name.indexOf('/');
  if (slash >= 0) return name.slice(0, slash) === '.' ? `${namespace}/${name.slice(slash + 1)}` : name;
  const dot = name.indexOf('.');
  if (dot < 0) return `${namespace}/${name}`;
  const rest = name.slice(dot + 1);
  const nextDot = rest.indexOf('.');
  return `${nextDot < 0 ? rest : rest.slice(0, nextDot)}/${name.slice(0, dot)}`;
}

function bestHostMatch(vs: VirtualService, requestHost: string): number | undefined {
  let best: number | undefined;
  for (const h of vs.spec.hosts) {
    const s = hostMatchSpecificity(resolveHost(h, vs.metadata.namespace), requestHost);
    if (s !== undefined && (best === undefined || s > best)) best = s;
  }
  return best;
}

function routeAppliesToProxy(route: HttpRoute, vs: VirtualService, gateway: string, req: RequestContext): boolean {
  return !route.match?.length || route.match.some((m) => proxyMatches(m, vs, gateway, req));
}

/** Pilot's `sourceMatchHTTP` plus the port check: conditions on the proxy rather than on the request. */
function proxyMatches(m: HttpMatchRequest, vs: VirtualService, gateway: string, req: RequestContext): boolean {
  if (m.port !== undefined && m.port !== 0 && m.port !== req.port) return false;
  // Pilot checks `gateways` instead of the source conditions when a match names gateways.
  if (m.gateways?.length) return m.gateways.some((g) => resolveGatewayName(g, vs.metadata.namespace) === gateway);
  if (!labelsMatch(m.sourceLabels, req.sourceLabels)) return false;
  return !m.sourceNamespace || m.sourceNamespace === req.sourceNamespace;
}

interface RequestView {
  headers: Map<string, string>;
  path: string;
  query: Map<string, string>;
}

// Envoy matches pseudo-headers like ordinary ones, so method and authority matches become header matches.
function requestView(req: RequestContext): RequestView {
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(req.headers)) headers.set(k.toLowerCase(), v);
  headers.set(':method', req.method.toUpperCase());
  if (!headers.has(':authority')) headers.set(':authority', headers.get('host') ?? req.host);
  if (!headers.has(':scheme')) headers.set(':scheme', 'http');
  const q = req.path.indexOf('?');
  const path = (q < 0 ? req.path : req.path.slice(0, q)).split('#')[0] ?? '';
  const query = new Map<string, string>();
  if (q >= 0) {
    for (const pair of req.path.slice(q + 1).split('#')[0]!.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const name = decodeQuery(eq < 0 ? pair : pair.slice(0, eq));
      if (!query.has(name)) query.set(name, eq < 0 ? '' : decodeQuery(pair.slice(eq + 1)));
    }
  }
  return { headers, path, query };
}

function decodeQuery(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** All request-level conditions of one `match` entry (they are ANDed). */
function requestMatches(m: HttpMatchRequest, view: RequestView): boolean {
  if (m.uri && !uriMatches(m.uri, view.path, m.ignoreUriCase === true)) return false;
  for (const [name, sm] of Object.entries(m.headers ?? {})) {
    if (!headerMatches(sm, view.headers.get(name.toLowerCase()))) return false;
  }
  // Pilot sets treat_missing_header_as_empty on these unless the match is a presence test.
  for (const [name, sm] of Object.entries(m.withoutHeaders ?? {})) {
    const value = view.headers.get(name.toLowerCase());
    if (headerMatches(sm, isPresenceMatch(sm) ? value : (value ?? ''))) return false;
  }
  if (m.method && !headerMatches(m.method, view.headers.get(':method'))) return false;
  if (m.authority && !headerMatches(m.authority, view.headers.get(':authority'))) return false;
  if (m.scheme && !headerMatches(m.scheme, view.headers.get(':scheme'))) return false;
  for (const [name, sm] of Object.entries(m.queryParams ?? {})) {
    if (!headerMatches(sm, view.query.get(name))) return false;
  }
  return true;
}

// Pilot turns an empty StringMatch, and the non-RE2 regex `*`, into Envoy's present_match.
function isPresenceMatch(sm: StringMatch): boolean {
  return (sm.exact === undefined && sm.prefix === undefined && sm.regex === undefined) || sm.regex === '*';
}

function headerMatches(sm: StringMatch, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (isPresenceMatch(sm)) return true;
  return stringMatches(sm, value, false);
}

/** Envoy's path matching: exact and prefix honour `ignoreUriCase`; a regex always matches case-sensitively. */
function uriMatches(sm: StringMatch, path: string, ignoreCase: boolean): boolean {
  if (isPresenceMatch(sm)) return true;
  return stringMatches(sm, path, ignoreCase);
}

function stringMatches(sm: StringMatch, value: string, ignoreCase: boolean): boolean {
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  if (sm.exact !== undefined) return fold(value) === fold(sm.exact);
  if (sm.prefix !== undefined) return fold(value).startsWith(fold(sm.prefix));
  if (sm.regex !== undefined) return fullRegex(sm.regex)?.test(value) ?? false;
  return false;
}

const regexCache = new Map<string, RegExp | null>();

// Envoy's safe_regex (RE2) must match the whole value; an expression JavaScript cannot compile never matches.
function fullRegex(source: string): RegExp | null {
  let re = regexCache.get(source);
  if (re === undefined) {
    // RE2's leading `(?i)` has no JavaScript equivalent but a flag.
    const caseless = source.startsWith('(?i)');
    try {
      re = new RegExp(`^(?:${caseless ? source.slice(4) : source})$`, caseless ? 'i' : '');
    } catch {
      re = null;
    }
    regexCache.set(source, re);
  }
  return re;
}

function decide(vs: VirtualService, route: HttpRoute): RouteDecision {
  const out: RouteDecision = { virtualService: configKey(vs), destinations: [] };
  if (route.name) out.route = route.name;
  const timeoutMs = route.timeout === undefined ? undefined : parseDurationMs(route.timeout);
  if (timeoutMs) out.timeoutMs = timeoutMs;
  const fault = faultOf(route);
  if (fault) out.fault = fault;
  if (route.directResponse) {
    out.directResponse = { status: route.directResponse.status, responseFlags: '-' };
    return out;
  }
  if (route.redirect) {
    out.directResponse = { status: route.redirect.redirectCode ?? 301, responseFlags: '-' };
    return out;
  }
  const retries = retriesOf(route);
  if (retries) out.retries = retries;
  out.destinations = destinationsOf(vs, route);
  // Envoy refuses weighted clusters that add up to nothing; the route then has no cluster to send to.
  if (out.destinations.length === 0) out.directResponse = { status: 503, responseFlags: 'NC' };
  return out;
}

/**
 * Istio's weights: a lone destination takes all traffic whatever its weight; otherwise each gets weight ÷ sum and
 * a missing weight is 0, which drops the destination. Rescaled so the weights add up to 100.
 */
function destinationsOf(vs: VirtualService, route: HttpRoute): RouteDecision['destinations'] {
  const all = route.route ?? [];
  const weighted = all.length === 1 ? [{ ...all[0]!, weight: 100 }] : all.filter((d) => (d.weight ?? 0) > 0);
  const sum = weighted.reduce((acc, d) => acc + (d.weight ?? 0), 0);
  if (sum <= 0) return [];
  return weighted.map((d) => {
    const dest: RouteDecision['destinations'][number] = {
      host: resolveHost(d.destination.host, vs.metadata.namespace),
      weight: ((d.weight ?? 0) * 100) / sum,
    };
    if (d.destination.subset) dest.subset = d.destination.subset;
    if (d.destination.port?.number) dest.port = d.destination.port.number;
    return dest;
  });
}

// Without a `percentage` (or the delay's deprecated integer `percent`) Istio injects nothing.
function faultOf(route: HttpRoute): RouteDecision['fault'] {
  const out: NonNullable<RouteDecision['fault']> = {};
  const delay = route.fault?.delay;
  if (delay) {
    const percent = clampPercent(delay.percentage ? delay.percentage.value : delay.percent);
    const fixedDelayMs = delay.fixedDelay === undefined ? undefined : parseDurationMs(delay.fixedDelay);
    if (percent > 0 && fixedDelayMs !== undefined) out.delay = { percent, fixedDelayMs };
  }
  const abort = route.fault?.abort;
  if (abort && (abort.httpStatus !== undefined || abort.grpcStatus !== undefined)) {
    const percent = clampPercent(abort.percentage?.value);
    if (percent > 0) {
      out.abort = { percent };
      if (abort.httpStatus !== undefined) out.abort.httpStatus = abort.httpStatus;
      else if (abort.grpcStatus !== undefined) out.abort.grpcStatus = abort.grpcStatus;
    }
  }
  return out.delay || out.abort ? out : undefined;
}

function clampPercent(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}

/** Pilot's `retry.ConvertPolicy`: defaults when absent, none when `attempts` ≤ 0, numbers in `retryOn` are codes. */
function retriesOf(route: HttpRoute): RetryDecision | undefined {
  const r = route.retries;
  if (!r) return DEFAULT_RETRIES;
  if ((r.attempts ?? 0) <= 0) return undefined;
  const out: RetryDecision = { attempts: r.attempts ?? 0, retryOn: DEFAULT_RETRIES.retryOn, retriableStatusCodes: DEFAULT_RETRIES.retriableStatusCodes };
  const parts = (r.retryOn ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length > 0) {
    const codes = parts.filter(isStatusCode).map(Number);
    const conditions = parts.filter((p) => !isStatusCode(p));
    if (codes.length > 0 && !conditions.includes('retriable-status-codes')) conditions.push('retriable-status-codes');
    out.retryOn = conditions;
    out.retriableStatusCodes = codes;
  }
  const perTry = r.perTryTimeout === undefined ? undefined : parseDurationMs(r.perTryTimeout);
  if (perTry) out.perTryTimeoutMs = perTry;
  return out;
}

// Pilot keeps a number as a status code only if Go's http.StatusText knows it; a 3-digit 1xx–5xx is close enough.
function isStatusCode(part: string): boolean {
  return /^[1-5]\d\d$/.test(part);
}
