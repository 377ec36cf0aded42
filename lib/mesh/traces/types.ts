/** An attribute value as OTLP carries it, flattened: arrays and maps become their JSON text. */
export type AttributeValue = string | number | boolean;

/** Attributes by key. */
export type Attributes = Record<string, AttributeValue>;

/** OTLP span kinds by name; `unspecified` when the producer gave none. */
export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** OTLP status codes by name. */
export type StatusCode = 'unset' | 'ok' | 'error';

/** A timed event (Jaeger's "log") inside a span. */
export interface SpanEvent {
  /** Unix microseconds. */
  timeUs: number;
  name: string;
  attributes: Attributes;
}

/** A link from one span to another span, maybe in another trace. */
export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/** One span, with ids in lower-case hex and times in microseconds. */
export interface Span {
  spanId: string;
  parentSpanId?: string;
  traceId: string;
  /** The resource's `service.name`; `unknown` when the producer set none. */
  service: string;
  operation: string;
  /** Unix microseconds. */
  startUs: number;
  durationUs: number;
  kind: SpanKind;
  attributes: Attributes;
  resourceAttributes: Attributes;
  /** The instrumentation scope that made the span, when it named itself or carried attributes. */
  scope?: { name: string; version?: string; attributes: Attributes };
  events: SpanEvent[];
  links: SpanLink[];
  status: { code: StatusCode; message?: string };
  /** Status code error, or an `error` attribute that is true. */
  error: boolean;
}

/** One trace: its spans sorted by start time (a parent before the children that start with it). */
export interface Trace {
  traceId: string;
  spans: Span[];
}

/** A stretch of time on the critical path during which `spanId` itself (not a child) was doing the work. */
export interface CriticalPathSegment {
  spanId: string;
  startUs: number;
  endUs: number;
}

/** The answer of `GET /api/traces/{traceId}`: the trace with its critical path. */
export interface TraceDetails extends Trace {
  criticalPath: CriticalPathSegment[];
}

/** A service taking part in a trace. */
export interface TraceServiceCount {
  name: string;
  spanCount: number;
  errorCount: number;
}

/** One search result: enough to list a trace without its spans. */
export interface TraceSummary {
  traceId: string;
  /** The root span's service and operation; the earliest span's when the root is missing. */
  rootService: string;
  rootOperation: string;
  /** Unix microseconds of the earliest span. */
  startUs: number;
  /** From the earliest start to the latest end, in microseconds. */
  durationUs: number;
  spanCount: number;
  serviceCount: number;
  errorCount: number;
  /** Sorted by name. */
  services: TraceServiceCount[];
}

/** The answer of `GET /api/traces`. */
export interface TraceSearchResult {
  traces: TraceSummary[];
  /** The effective search window and limit, so the page can say what it searched. */
  query: { startUs: number; endUs: number; limit: number };
}

/** An operation the trace store knows, with the span kind it recorded (empty when it did not). */
export interface TraceOperation {
  name: string;
  spanKind: string;
}

/** The answer of `GET /api/traces/services`. */
export interface TraceServicesResult {
  services: string[];
}

/** The answer of `GET /api/traces/services/{service}/operations`. */
export interface TraceOperationsResult {
  service: string;
  operations: TraceOperation[];
}
