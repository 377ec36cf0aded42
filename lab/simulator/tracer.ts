import type { Uniform } from './sampling';

/** One Envoy span, in the simulator's terms. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** Envoy names spans `<host>:<port>/*`. */
  name: string;
  kind: 'client' | 'server';
  /** Envoy's service name for a sidecar: `<canonical service>.<namespace>`. */
  service: string;
  startMs: number;
  durationMs: number;
  attributes: Record<string, string | number>;
  error: boolean;
}

/** Where a hop's spans hang in a trace. */
export interface TraceContext {
  traceId: string;
  parentSpanId?: string;
}

/** A random id of `bytes` bytes in hex, from the seeded source so traces are reproducible too. */
export function randomHex(u: Uniform, bytes: 8 | 16): string {
  let hex = '';
  for (let i = 0; i < bytes / 4; i++) hex += Math.floor(u() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return hex;
}

type OtlpValue = { stringValue: string } | { intValue: string };

function otlpValue(v: string | number): OtlpValue {
  return typeof v === 'number' && Number.isInteger(v) ? { intValue: String(v) } : { stringValue: String(v) };
}

function nanos(ms: number): string {
  return (BigInt(Math.round(ms * 1000)) * 1000n).toString();
}

/** Groups spans by service into an OTLP/JSON `ExportTraceServiceRequest`. */
export function otlpRequest(spans: SpanRecord[]): unknown {
  const byService = new Map<string, SpanRecord[]>();
  for (const s of spans) {
    const list = byService.get(s.service) ?? [];
    list.push(s);
    byService.set(s.service, list);
  }
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'envoy' },
          spans: list.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            name: s.name,
            kind: s.kind === 'server' ? 2 : 3,
            startTimeUnixNano: nanos(s.startMs),
            endTimeUnixNano: nanos(s.startMs + s.durationMs),
            attributes: Object.entries(s.attributes).map(([key, v]) => ({ key, value: otlpValue(v) })),
            status: s.error ? { code: 2 } : {},
          })),
        },
      ],
    })),
  };
}

/** Buffers spans and posts them to an OTLP/HTTP endpoint about once a second. */
export class TraceExporter {
  private buffer: SpanRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Spans sent and export failures, for the simulator's own status. */
  sent = 0;
  failures = 0;

  constructor(private readonly otlpHttpUrl: string) {}

  add(span: SpanRecord): void {
    this.buffer.push(span);
  }

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Sends what is buffered; a failed export drops that batch (as Envoy does) and is counted. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const spans = this.buffer;
    this.buffer = [];
    try {
      const res = await fetch(`${this.otlpHttpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(otlpRequest(spans)),
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.sent += spans.length;
    } catch {
      this.failures++;
    }
  }
}
