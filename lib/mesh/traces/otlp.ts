import { z } from 'zod';
import type { AttributeValue, Attributes, Span, SpanKind, StatusCode, Trace, TraceSummary } from './types';

// OTLP/JSON as Jaeger's api/v3 gateway writes it. Fields are optional because proto3 JSON leaves out defaults
// (an unset status is `{}`, kind 0 is absent). Attribute values stay `unknown` here: they nest (arrays, maps)
// and are flattened by `attributeValue` below.
const keyValue = z.object({ key: z.string(), value: z.unknown().optional() });
const otlpSpan = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string().optional(),
  kind: z.union([z.number().int(), z.string()]).optional(),
  startTimeUnixNano: z.union([z.string(), z.number()]).optional(),
  endTimeUnixNano: z.union([z.string(), z.number()]).optional(),
  attributes: z.array(keyValue).nullish(),
  events: z
    .array(z.object({ timeUnixNano: z.union([z.string(), z.number()]).optional(), name: z.string().optional(), attributes: z.array(keyValue).nullish() }))
    .nullish(),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), attributes: z.array(keyValue).nullish() })).nullish(),
  status: z.object({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).nullish(),
});
const resourceSpans = z.object({
  resource: z.object({ attributes: z.array(keyValue).nullish() }).nullish(),
  scopeSpans: z
    .array(
      z.object({
        scope: z.object({ name: z.string().optional(), version: z.string().optional(), attributes: z.array(keyValue).nullish() }).nullish(),
        spans: z.array(otlpSpan).nullish(),
      }),
    )
    .nullish(),
});

/** OTLP/JSON traces data (`{ resourceSpans }`), as OTLP exporters send it. */
export const otlpTracesData = z.object({ resourceSpans: z.array(resourceSpans).nullish() });

/** Jaeger's api/v3 answer to GetTrace and FindTraces: OTLP wrapped in `result`. */
export const apiV3TracesResponse = z.object({ result: otlpTracesData });

export type OtlpTracesData = z.infer<typeof otlpTracesData>;

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/**
 * An OTLP id in lower-case hex. The proto3 JSON mapping says bytes are base64, but the OTLP/JSON spec and Jaeger's
 * gateway use hex; Tempo answers base64. Hex ids have 16 or 32 digits, base64 ones 12 or 24 characters, so the length
 * tells them apart.
 */
export function normalizeId(id: string): string {
  if (/^[0-9a-fA-F]+$/.test(id) && (id.length === 16 || id.length === 32)) return id.toLowerCase();
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(id) && (id.length === 12 || id.length === 24)) {
    return Buffer.from(id.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('hex');
  }
  return id.toLowerCase();
}

/** Nanoseconds since the epoch (a decimal string, as int64 travels in JSON) → microseconds, without float loss. */
export function nanosToMicros(ns: string | number | undefined): number {
  if (ns === undefined || ns === '') return 0;
  if (typeof ns === 'number') return Math.floor(ns / 1000);
  if (!/^\d+$/.test(ns)) return 0;
  // Unix µs stay below 2^53 until the year 2255, so the division is done in BigInt and the result fits a number.
  return Number(BigInt(ns) / 1000n);
}

function attributeValue(value: unknown): AttributeValue {
  if (typeof value !== 'object' || value === null) return '';
  const v = value as Record<string, unknown>;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (typeof v.bytesValue === 'string') return v.bytesValue;
  if (typeof v.arrayValue === 'object' && v.arrayValue !== null) {
    const values = (v.arrayValue as { values?: unknown[] }).values ?? [];
    return JSON.stringify(values.map(attributeValue));
  }
  if (typeof v.kvlistValue === 'object' && v.kvlistValue !== null) {
    const values = (v.kvlistValue as { values?: { key: string; value?: unknown }[] }).values ?? [];
    return JSON.stringify(Object.fromEntries(values.map((kv) => [kv.key, attributeValue(kv.value)])));
  }
  return '';
}

/** OTLP key-value pairs → a plain map; a repeated key keeps its last value. */
export function toAttributes(list: readonly { key: string; value?: unknown }[] | null | undefined): Attributes {
  const out: Attributes = {};
  for (const kv of list ?? []) out[kv.key] = attributeValue(kv.value);
  return out;
}

function statusCode(code: number | string | undefined): StatusCode {
  if (code === 2 || code === 'STATUS_CODE_ERROR') return 'error';
  if (code === 1 || code === 'STATUS_CODE_OK') return 'ok';
  return 'unset';
}

// Jaeger writes the kind as a number, Tempo as the enum name (`SPAN_KIND_SERVER`).
function spanKind(kind: number | string | undefined): SpanKind {
  if (typeof kind === 'string') return KINDS.find((k) => `SPAN_KIND_${k.toUpperCase()}` === kind) ?? 'unspecified';
  return KINDS[kind ?? 0] ?? 'unspecified';
}

function isErrorAttribute(v: AttributeValue | undefined): boolean {
  return v === true || v === 'true';
}

/** Every span of OTLP traces data, in our model (any number of traces, in input order). */
export function spansFromOtlp(data: OtlpTracesData): Span[] {
  const spans: Span[] = [];
  for (const rs of data.resourceSpans ?? []) {
    const resourceAttributes = toAttributes(rs.resource?.attributes);
    const serviceName = resourceAttributes['service.name'];
    const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : 'unknown';
    for (const ss of rs.scopeSpans ?? []) {
      const { name = '', version, attributes: rawScopeAttributes } = ss.scope ?? {};
      const scopeAttributes = toAttributes(rawScopeAttributes);
      const scope = name !== '' || Object.keys(scopeAttributes).length > 0 ? { name, ...(version ? { version } : {}), attributes: scopeAttributes } : undefined;
      for (const s of ss.spans ?? []) {
        const startUs = nanosToMicros(s.startTimeUnixNano);
        const attributes = toAttributes(s.attributes);
        const code = statusCode(s.status?.code);
        const parent = s.parentSpanId ? normalizeId(s.parentSpanId) : '';
        spans.push({
          spanId: normalizeId(s.spanId),
          // An all-zero parent id is how some SDKs write "no parent".
          ...(parent !== '' && !/^0+$/.test(parent) ? { parentSpanId: parent } : {}),
          traceId: normalizeId(s.traceId),
          service,
          operation: s.name ?? '',
          startUs,
          durationUs: Math.max(0, nanosToMicros(s.endTimeUnixNano) - startUs),
          kind: spanKind(s.kind),
          attributes,
          resourceAttributes,
          ...(scope ? { scope } : {}),
          events: (s.events ?? []).map((e) => ({ timeUs: nanosToMicros(e.timeUnixNano), name: e.name ?? '', attributes: toAttributes(e.attributes) })),
          links: (s.links ?? []).map((l) => ({ traceId: normalizeId(l.traceId), spanId: normalizeId(l.spanId), attributes: toAttributes(l.attributes) })),
          status: { code, ...(s.status?.message ? { message: s.status.message } : {}) },
          error: code === 'error' || isErrorAttribute(attributes.error),
        });
      }
    }
  }
  return spans;
}

/** Groups spans into traces, in the order each trace first appears; spans sorted by start, then parents first. */
export function tracesFromOtlp(data: OtlpTracesData): Trace[] {
  const byTrace = new Map<string, Span[]>();
  for (const span of spansFromOtlp(data)) {
    const list = byTrace.get(span.traceId) ?? [];
    list.push(span);
    byTrace.set(span.traceId, list);
  }
  return [...byTrace].map(([traceId, spans]) => ({ traceId, spans: spans.sort(byStartThenParent) }));
}

function byStartThenParent(a: Span, b: Span): number {
  if (a.startUs !== b.startUs) return a.startUs - b.startUs;
  if (b.parentSpanId === a.spanId) return -1;
  if (a.parentSpanId === b.spanId) return 1;
  return 0;
}

/** The spans whose parent is not in the trace: normally the one root, more when the trace is incomplete. */
export function rootSpans(trace: Trace): Span[] {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  return trace.spans.filter((s) => s.parentSpanId === undefined || !ids.has(s.parentSpanId));
}

/** The search-result line for a trace. */
export function summarizeTrace(trace: Trace): TraceSummary {
  const { spans } = trace;
  // A loop, not Math.min(...spans): spreading a trace of many thousand spans can overflow the call stack.
  let startUs = spans.length > 0 ? Infinity : 0;
  let endUs = 0;
  for (const s of spans) {
    startUs = Math.min(startUs, s.startUs);
    endUs = Math.max(endUs, s.startUs + s.durationUs);
  }
  // Prefer a true root (no parent id); an orphan whose parent was not stored is second best.
  const roots = rootSpans(trace);
  const root = roots.find((s) => s.parentSpanId === undefined) ?? roots[0] ?? spans[0];
  const services = new Map<string, { spanCount: number; errorCount: number }>();
  for (const s of spans) {
    const entry = services.get(s.service) ?? { spanCount: 0, errorCount: 0 };
    entry.spanCount++;
    if (s.error) entry.errorCount++;
    services.set(s.service, entry);
  }
  return {
    traceId: trace.traceId,
    rootService: root?.service ?? '',
    rootOperation: root?.operation ?? '',
    startUs,
    durationUs: endUs - startUs,
    spanCount: spans.length,
    serviceCount: services.size,
    errorCount: spans.filter((s) => s.error).length,
    services: [...services].map(([name, c]) => ({ name, ...c })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
