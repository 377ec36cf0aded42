// The scenario file's shape: what a YAML scenario may say, its defaults, and messages that name the field.
// Field names map 1:1 to `model.ts`, so a complete `Scenario` object is also a valid input.

import { z } from 'zod';
import type { Scenario } from './model';

const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
// Istio matches header names in lower case (HTTP/2 sends them so), and pseudo-headers are not request classes.
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

/** Whether a name is a DNS-1123 label, as Kubernetes requires of namespace, service and deployment names. */
export function isDnsLabel(name: string): boolean {
  return DNS_LABEL.test(name);
}

const DNS_LABEL_RULE = 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63';

const dnsLabel = z.string().regex(DNS_LABEL, { error: (iss) => `${quote(iss.input)} is not a DNS-1123 label (${DNS_LABEL_RULE})` });
const labelValue = z.string().regex(LABEL_VALUE, {
  error: (iss) => `${quote(iss.input)} is not a label value (letters, digits, "-", "_" and ".", at most 63)`,
});
const serviceAccountName = z.string().regex(DNS_SUBDOMAIN, {
  error: (iss) => `${quote(iss.input)} is not a DNS-1123 subdomain`,
});
const share = z.number().min(0).max(1);

const latencySchema = z
  .strictObject({ medianMs: z.number().positive(), p99Ms: z.number().positive() })
  .superRefine((latency, ctx) => {
    if (latency.p99Ms < latency.medianMs) {
      ctx.addIssue({ code: 'custom', path: ['p99Ms'], message: `must be at least medianMs (${latency.medianMs})` });
    }
  });

const serviceSchema = z
  .strictObject({
    name: dnsLabel,
    port: z.int().min(1).max(65535),
    protocol: z.enum(['http', 'grpc', 'tcp']).default('http'),
    app: dnsLabel.optional(),
  })
  .transform((s) => ({ ...s, app: s.app ?? s.name }));

const callSchema = z.strictObject({
  service: dnsLabel,
  namespace: dnsLabel.optional(),
  perRequest: z.number().min(0).default(1),
  tcpBytes: z.strictObject({ sent: z.int().min(0), received: z.int().min(0) }).optional(),
});

const workloadSchema = z
  .strictObject({
    name: dnsLabel.optional(),
    app: dnsLabel,
    version: labelValue,
    serviceAccount: serviceAccountName.optional(),
    replicas: z.int().min(1).default(1),
    sidecar: z.boolean().default(true),
    latency: latencySchema,
    errorRate: share.default(0),
    // A small JSON request and a page-sized JSON answer: typical of the REST services in Istio's samples.
    requestBytes: z.int().min(0).default(300),
    responseBytes: z.int().min(0).default(1500),
    calls: z.array(callSchema).default([]),
  })
  .superRefine((w, ctx) => {
    if (w.name === undefined && !isDnsLabel(`${w.app}-${w.version}`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `required: the default "${w.app}-${w.version}" (app-version) is not a DNS-1123 label`,
      });
    }
  });

const namespaceSchema = z
  .strictObject({
    name: dnsLabel,
    injection: z.boolean().default(true),
    services: z.array(serviceSchema).default([]),
    workloads: z.array(workloadSchema).default([]),
  })
  .transform((ns) => ({
    ...ns,
    workloads: ns.workloads.map(({ name, serviceAccount, calls, ...w }) => ({
      name: name ?? `${w.app}-${w.version}`,
      ...w,
      serviceAccount: serviceAccount ?? `${ns.name}-${w.app}`,
      calls: calls.map(({ namespace, ...call }) => ({ ...call, namespace: namespace ?? ns.name })),
    })),
  }));

const requestClassSchema = z.strictObject({
  share,
  headers: z
    .record(
      z.string().regex(HEADER_NAME, { error: (iss) => `${quote(iss.input)} is not a lower-case HTTP header name` }),
      z.string(),
    )
    .default({}),
  path: z.string().startsWith('/', { error: 'must start with "/"' }).default('/'),
});

const entrySchema = z
  .strictObject({
    via: z.enum(['ingress', 'outside']),
    service: dnsLabel,
    namespace: dnsLabel,
    ratePerSecond: z.number().min(0),
    requests: z.array(requestClassSchema).min(1).default([{ share: 1, headers: {}, path: '/' }]),
  })
  .superRefine((entry, ctx) => {
    const sum = entry.requests.reduce((total, r) => total + r.share, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['requests'], message: `shares must sum to 1, not ${round(sum)}` });
    }
  });

/** The zod schema of a scenario file; its output is a complete `Scenario` with every default filled in. */
export const scenarioSchema: z.ZodType<Scenario, unknown> = z.strictObject({
  name: dnsLabel,
  seed: z.int().min(0).max(0xffffffff).default(1),
  traceSampling: share.default(0.1),
  namespaces: z.array(namespaceSchema).min(1),
  entries: z.array(entrySchema).default([]),
});

type Issue = z.core.$ZodIssue;

/** Renders a path the way a reader finds it in the file: `namespaces[0].workloads[3].latency.p99Ms`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][\w-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** One line per problem, `path: what is wrong`, for a zod issue raised by `scenarioSchema` with `reportInput`. */
export function describeIssue(issue: Issue): string[] {
  const at = (extra: readonly PropertyKey[] = []): string => formatPath([...issue.path, ...extra]);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${at([key])}: unknown field`);
    case 'invalid_type':
      if (issue.input === undefined) return [`${at()}: required`];
      return [`${at()}: must be ${KIND_NAMES[issue.expected] ?? issue.expected}, not ${receivedText(issue)}`];
    case 'too_small':
      return [`${at()}: ${tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true)}`];
    case 'too_big':
      return [`${at()}: must be at most ${String(issue.maximum)}`];
    case 'invalid_value':
      return [`${at()}: must be one of ${issue.values.map((v) => String(v)).join(', ')}, not ${describeValue(issue.input)}`];
    case 'invalid_key':
      return [`${at()}: ${issue.issues[0]?.message ?? issue.message}`];
    default:
      return [`${at()}: ${issue.message}`];
  }
}

const KIND_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'array') return minimum === 1 ? 'must not be empty' : `must have at least ${minimum} items`;
  if (origin === 'string') return 'must not be empty';
  return inclusive ? `must be at least ${minimum}` : `must be greater than ${minimum}`;
}

/** Zod reports a non-finite number as input null plus `received: "Infinity"`; show what the file said. */
function receivedText(issue: Issue): string {
  const received: unknown = Reflect.get(issue, 'received');
  return typeof received === 'string' ? received : describeValue(issue.input);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
