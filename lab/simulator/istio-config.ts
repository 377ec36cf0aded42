// The slice of Istio's configuration the simulator obeys: VirtualService, DestinationRule, PeerAuthentication,
// read leniently (unknown fields pass through, as Istio ignores what it does not know) and never throwing.

import { z } from 'zod';

const stringMatch = z.looseObject({ exact: z.string().optional(), prefix: z.string().optional(), regex: z.string().optional() });
const stringMap = z.record(z.string(), z.string());
const percent = z.looseObject({ value: z.number().optional() });

const httpMatchRequest = z.looseObject({
  name: z.string().optional(),
  uri: stringMatch.optional(),
  scheme: stringMatch.optional(),
  method: stringMatch.optional(),
  authority: stringMatch.optional(),
  headers: z.record(z.string(), stringMatch).optional(),
  withoutHeaders: z.record(z.string(), stringMatch).optional(),
  queryParams: z.record(z.string(), stringMatch).optional(),
  ignoreUriCase: z.boolean().optional(),
  port: z.number().int().optional(),
  sourceLabels: stringMap.optional(),
  sourceNamespace: z.string().optional(),
  gateways: z.array(z.string()).optional(),
});

const httpRoute = z.looseObject({
  name: z.string().optional(),
  match: z.array(httpMatchRequest).optional(),
  route: z
    .array(
      z.looseObject({
        destination: z.looseObject({
          host: z.string(),
          subset: z.string().optional(),
          port: z.looseObject({ number: z.number().int().optional() }).optional(),
        }),
        weight: z.number().int().optional(),
      }),
    )
    .optional(),
  redirect: z.looseObject({ redirectCode: z.number().int().optional() }).optional(),
  directResponse: z.looseObject({ status: z.number().int() }).optional(),
  fault: z
    .looseObject({
      delay: z
        .looseObject({
          percentage: percent.optional(),
          percent: z.number().optional(),
          fixedDelay: z.string().optional(),
        })
        .optional(),
      abort: z
        .looseObject({
          percentage: percent.optional(),
          httpStatus: z.number().int().optional(),
          grpcStatus: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  timeout: z.string().optional(),
  retries: z
    .looseObject({ attempts: z.number().int().optional(), perTryTimeout: z.string().optional(), retryOn: z.string().optional() })
    .optional(),
});

const tlsMode = z.enum(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']);
const portPolicyFields = {
  connectionPool: z
    .looseObject({
      tcp: z.looseObject({ maxConnections: z.number().int().optional() }).optional(),
      http: z
        .looseObject({
          http1MaxPendingRequests: z.number().int().optional(),
          http2MaxRequests: z.number().int().optional(),
          maxRequestsPerConnection: z.number().int().optional(),
        })
        .optional(),
    })
    .optional(),
  outlierDetection: z
    .looseObject({
      consecutive5xxErrors: z.number().int().optional(),
      consecutiveGatewayErrors: z.number().int().optional(),
      consecutiveErrors: z.number().int().optional(),
      interval: z.string().optional(),
      baseEjectionTime: z.string().optional(),
      maxEjectionPercent: z.number().int().optional(),
    })
    .optional(),
  tls: z.looseObject({ mode: tlsMode.optional() }).optional(),
};
const trafficPolicy = z.looseObject({
  ...portPolicyFields,
  portLevelSettings: z
    .array(z.looseObject({ port: z.looseObject({ number: z.number().int().optional() }).optional(), ...portPolicyFields }))
    .optional(),
});

const mtlsMode = z.enum(['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']);
const mtls = z.looseObject({ mode: mtlsMode.optional() });

const metadata = z.looseObject({
  name: z.string().min(1),
  // kubectl puts an object without a namespace into the context's namespace, which defaults to `default`.
  namespace: z.string().min(1).default('default'),
  // @kubernetes/client-node turns timestamps into Date objects; a watch event leaves them as RFC 3339 strings.
  creationTimestamp: z.union([z.string(), z.date().transform((d) => d.toISOString())]).optional(),
});

function resource<S extends z.ZodType>(spec: S) {
  return z.looseObject({ apiVersion: z.string(), kind: z.string(), metadata, spec });
}

const virtualServiceSchema = resource(
  z.looseObject({ hosts: z.array(z.string()).default([]), gateways: z.array(z.string()).optional(), http: z.array(httpRoute).optional() }),
);
const destinationRuleSchema = resource(
  z.looseObject({
    host: z.string(),
    trafficPolicy: trafficPolicy.optional(),
    subsets: z
      .array(z.looseObject({ name: z.string(), labels: stringMap.optional(), trafficPolicy: trafficPolicy.optional() }))
      .optional(),
    workloadSelector: z.looseObject({ matchLabels: stringMap.optional() }).optional(),
  }),
);
const peerAuthenticationSchema = resource(
  z.looseObject({
    selector: z.looseObject({ matchLabels: stringMap.optional() }).optional(),
    mtls: mtls.optional(),
    portLevelMtls: z.record(z.string(), mtls).optional(),
  }),
);

/** A `networking.istio.io` VirtualService as the simulator reads it. */
export type VirtualService = z.output<typeof virtualServiceSchema>;
/** One entry of a VirtualService's `http` list. */
export type HttpRoute = z.output<typeof httpRoute>;
/** One entry of an HTTP route's `match` list. */
export type HttpMatchRequest = z.output<typeof httpMatchRequest>;
/** Istio's `StringMatch`: one of `exact`, `prefix` or `regex` (none: the value only has to be present). */
export type StringMatch = z.output<typeof stringMatch>;
/** A `networking.istio.io` DestinationRule as the simulator reads it. */
export type DestinationRule = z.output<typeof destinationRuleSchema>;
/** A DestinationRule's `trafficPolicy` (top level or subset level). */
export type TrafficPolicy = z.output<typeof trafficPolicy>;
/** A `security.istio.io` PeerAuthentication as the simulator reads it. */
export type PeerAuthentication = z.output<typeof peerAuthenticationSchema>;
/** A DestinationRule's client TLS mode. */
export type TlsMode = z.output<typeof tlsMode>;
/** A PeerAuthentication's mTLS mode, `UNSET` included. */
export type MtlsMode = z.output<typeof mtlsMode>;

/** Everything the simulator's sidecars know about the mesh's Istio configuration. */
export interface MeshConfig {
  virtualServices: VirtualService[];
  destinationRules: DestinationRule[];
  peerAuthentications: PeerAuthentication[];
  /** Istio's root configuration namespace, where mesh-wide policies live: `istio-system` by default. */
  rootNamespace: string;
}

/** What `parseIstioObject` makes of one API object. */
export type ParsedIstioObject =
  | { ok: true; kind: 'VirtualService'; value: VirtualService }
  | { ok: true; kind: 'DestinationRule'; value: DestinationRule }
  | { ok: true; kind: 'PeerAuthentication'; value: PeerAuthentication }
  | { ok: false; reason: string };

const GROUP_OF_KIND: Record<string, string> = {
  VirtualService: 'networking.istio.io',
  DestinationRule: 'networking.istio.io',
  PeerAuthentication: 'security.istio.io',
};
const VERSIONS = new Set(['v1alpha3', 'v1beta1', 'v1']);

/** Reads a VirtualService, DestinationRule or PeerAuthentication from any served version; never throws. */
export function parseIstioObject(obj: unknown): ParsedIstioObject {
  try {
    const input = dropNulls(obj);
    if (!isRecord(input)) return { ok: false, reason: 'not an object' };
    const { apiVersion, kind } = input;
    if (typeof kind !== 'string' || typeof apiVersion !== 'string') return { ok: false, reason: 'apiVersion and kind are required' };
    const group = GROUP_OF_KIND[kind];
    if (!group) return { ok: false, reason: `unsupported kind ${kind}` };
    const [apiGroup, version] = apiVersion.split('/');
    if (apiGroup !== group || !version || !VERSIONS.has(version)) return { ok: false, reason: `unsupported apiVersion ${apiVersion} for ${kind}` };
    if (kind === 'VirtualService') {
      const r = virtualServiceSchema.safeParse(input);
      return r.success ? { ok: true, kind, value: r.data } : { ok: false, reason: describe(r.error) };
    }
    if (kind === 'DestinationRule') {
      const r = destinationRuleSchema.safeParse(input);
      return r.success ? { ok: true, kind, value: r.data } : { ok: false, reason: describe(r.error) };
    }
    const r = peerAuthenticationSchema.safeParse(input);
    return r.success ? { ok: true, kind: 'PeerAuthentication', value: r.data } : { ok: false, reason: describe(r.error) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid object';
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// YAML's `key:` with nothing after it, and some clients, give null where Istio reads "not set".
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (!isRecord(value) || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
  return out;
}

/** `namespace/name` of an object, the way Istio names config in logs and conflicts. */
export function configKey(obj: { metadata: { namespace: string; name: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/**
 * Istio's precedence between objects that conflict: oldest `creationTimestamp` first, then name, then namespace
 * (pilot's `sortConfigByCreationTime`). An object without a timestamp counts as oldest, like Go's zero time.
 */
export function compareByAge(
  a: { metadata: { namespace: string; name: string; creationTimestamp?: string } },
  b: { metadata: { namespace: string; name: string; creationTimestamp?: string } },
): number {
  const ta = timestampMs(a.metadata.creationTimestamp);
  const tb = timestampMs(b.metadata.creationTimestamp);
  if (ta !== tb) return ta - tb;
  if (a.metadata.name !== b.metadata.name) return a.metadata.name < b.metadata.name ? -1 : 1;
  if (a.metadata.namespace !== b.metadata.namespace) return a.metadata.namespace < b.metadata.namespace ? -1 : 1;
  return 0;
}

function timestampMs(text: string | undefined): number {
  const ms = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** The cluster domain short host names are completed with. */
export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * Istio's `ResolveShortnameToFQDN`: a name without a dot is relative to the namespace of the object that wrote it
 * (`reviews` → `reviews.<ns>.svc.cluster.local`); anything with a dot, `*` and wildcards stay as written, so
 * `reviews.bookinfo` is NOT completed.
 */
export function resolveHost(hostname: string, namespace: string): string {
  const h = hostname.toLowerCase();
  if (h === '*' || h.includes('.') || h.includes(':')) return h;
  return `${h}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * How specifically a (resolved) config host matches a request host: `undefined` for no match, `Infinity` for an exact
 * match, else the wildcard's length, so `*.bookinfo.svc.cluster.local` beats `*.cluster.local` beats `*`.
 */
export function hostMatchSpecificity(configHost: string, requestHost: string): number | undefined {
  const req = requestHost.toLowerCase();
  if (configHost === req) return Number.POSITIVE_INFINITY;
  if (configHost === '*') return 1;
  if (configHost.startsWith('*.') && req.endsWith(configHost.slice(1))) return configHost.length;
  return undefined;
}

/** The namespace of a cluster-local service host (`name.ns.svc.cluster.local`), if it is one. */
export function namespaceOfHost(host: string): string | undefined {
  const parts = host.toLowerCase().split('.');
  if (parts.length !== 5 || parts[2] !== 'svc' || `${parts[3]}.${parts[4]}` !== CLUSTER_DOMAIN) return undefined;
  return parts[1] || undefined;
}

/** True when every label of `selector` is on `labels` with the same value (an empty selector selects all). */
export function labelsMatch(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
}

const DURATION_UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Milliseconds in a duration as Istio accepts it: Go's `time.ParseDuration` syntax (`10s`, `0.5s`, `100ms`, `1m`,
 * `1h30m`, `2us`), which covers protobuf JSON's `1.5s`; `undefined` for anything else, negatives included.
 */
export function parseDurationMs(text: string): number | undefined {
  const s = text.trim();
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < s.length) {
    const m = DURATION_PART.exec(s);
    if (!m || m[1] === undefined || m[2] === undefined) return undefined;
    const unit = DURATION_UNIT_MS[m[2]];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
  }
  return Number.isFinite(total) ? total : undefined;
}

/** Sorts parsed objects into a MeshConfig; objects that fail to parse come back with the reason. */
export function buildMeshConfig(objects: readonly unknown[], rootNamespace = 'istio-system'): { config: MeshConfig; rejected: { object: unknown; reason: string }[] } {
  const config: MeshConfig = { virtualServices: [], destinationRules: [], peerAuthentications: [], rootNamespace };
  const rejected: { object: unknown; reason: string }[] = [];
  for (const object of objects) {
    const parsed = parseIstioObject(object);
    if (!parsed.ok) rejected.push({ object, reason: parsed.reason });
    else if (parsed.kind === 'VirtualService') config.virtualServices.push(parsed.value);
    else if (parsed.kind === 'DestinationRule') config.destinationRules.push(parsed.value);
    else config.peerAuthentications.push(parsed.value);
  }
  return { config, rejected };
}
