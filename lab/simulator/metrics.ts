// Istio's standard metrics as the sidecars' Prometheus endpoint would expose them, written in the text
// exposition format 0.0.4 without a client library. Label strings are rendered once per series so a scrape
// costs one pass over the series and no per-label work.

/** Bucket bounds (ms) of `istio_request_duration_milliseconds`: Envoy's default histogram buckets. */
export const DURATION_BUCKETS_MS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

/**
 * Bucket bounds (bytes) of `istio_request_bytes` and `istio_response_bytes`. Istio's bootstrap sets no
 * `histogram_bucket_settings` unless a pod asks for them, so the byte histograms carry Envoy's defaults too.
 */
export const BYTES_BUCKETS: readonly number[] = DURATION_BUCKETS_MS;

/** The label set Istio puts on its HTTP and gRPC request metrics (istio/proxy `istio_stats`). */
export interface RequestLabels {
  reporter: 'source' | 'destination';
  source_workload: string;
  source_workload_namespace: string;
  source_principal: string;
  source_app: string;
  source_version: string;
  source_canonical_service: string;
  source_canonical_revision: string;
  source_cluster: string;
  destination_workload: string;
  destination_workload_namespace: string;
  destination_principal: string;
  destination_app: string;
  destination_version: string;
  destination_service: string;
  destination_service_name: string;
  destination_service_namespace: string;
  destination_canonical_service: string;
  destination_canonical_revision: string;
  destination_cluster: string;
  request_protocol: 'http' | 'grpc';
  /** `0` when no response was received. */
  response_code: string;
  /** Empty for plain HTTP. */
  grpc_response_status: string;
  response_flags: string;
  /** `mutual_tls` or `none` when reported by the destination; `unknown` from the source. */
  connection_security_policy: 'mutual_tls' | 'none' | 'unknown';
}

/**
 * The labels of Istio's TCP metrics: the request set without `response_code` and `grpc_response_status`.
 * Envoy always adds `request_protocol="tcp"` to them, so it is rendered for the caller rather than passed in.
 */
export type TcpLabels = Omit<RequestLabels, 'request_protocol' | 'response_code' | 'grpc_response_status'>;

/** One request label set: records requests into the counter and the three histograms. */
export interface RequestSeries {
  observe(durationMs: number, requestBytes: number, responseBytes: number): void;
}

/** One TCP label set. `sentBytes` go back to the proxy's downstream; `receivedBytes` come from it. */
export interface TcpSeries {
  connection(sentBytes: number, receivedBytes: number): void;
}

/** cAdvisor-style resource usage of one pod's `istio-proxy` container. */
export interface SidecarSeries {
  addCpuSeconds(seconds: number): void;
  setMemoryBytes(bytes: number): void;
}

/** Options of {@link MeshMetrics}. */
export interface MeshMetricsOptions {
  /** Adds the simulator's own `process_*` metrics to every render (default true). */
  processMetrics?: boolean;
  /** Keeps `istio_request_bytes`/`istio_response_bytes` (default true); Istio's advice for large meshes is to drop them. */
  byteHistograms?: boolean;
  /** Duration bucket bounds, as a pod's `sidecar.istio.io/statsHistogramBuckets` annotation sets them. */
  durationBucketsMs?: readonly number[];
}

const REQUEST_LABEL_NAMES = [
  'reporter', 'source_workload', 'source_workload_namespace', 'source_principal', 'source_app', 'source_version',
  'source_canonical_service', 'source_canonical_revision', 'source_cluster', 'destination_workload',
  'destination_workload_namespace', 'destination_principal', 'destination_app', 'destination_version',
  'destination_service', 'destination_service_name', 'destination_service_namespace',
  'destination_canonical_service', 'destination_canonical_revision', 'destination_cluster', 'request_protocol',
  'response_code', 'grpc_response_status', 'response_flags', 'connection_security_policy',
] as const satisfies readonly (keyof RequestLabels)[];

const TCP_LABEL_NAMES = REQUEST_LABEL_NAMES.filter(
  (n): n is Exclude<(typeof REQUEST_LABEL_NAMES)[number], 'request_protocol' | 'response_code' | 'grpc_response_status'> =>
    n !== 'request_protocol' && n !== 'response_code' && n !== 'grpc_response_status',
);

/** Escapes a label value for the text format: backslash, double quote and newline. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;
}

/** Formats a sample value the way Prometheus' parser reads it (`+Inf`, `-Inf`, `NaN`, Go-parsable floats). */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function labelString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
}

function checkIncrement(value: number, what: string): void {
  // A negative or NaN increment would make a counter go down, which Prometheus reads as a reset.
  if (!(value >= 0) || value === Infinity) throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
}

class Histogram {
  /** Per-bucket (not cumulative) counts; values above the last bound only reach `count`. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(value: number): void {
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= (bounds[i] as number)) {
        this.counts[i] = (this.counts[i] as number) + 1;
        break;
      }
    }
    this.sum += value;
    this.count += 1;
  }
}

class RequestSeriesImpl implements RequestSeries {
  requests = 0;
  readonly duration: Histogram;
  readonly requestBytes: Histogram | undefined;
  readonly responseBytes: Histogram | undefined;

  constructor(
    readonly labels: string,
    durationBuckets: readonly number[],
    byteHistograms: boolean,
  ) {
    this.duration = new Histogram(durationBuckets);
    this.requestBytes = byteHistograms ? new Histogram(BYTES_BUCKETS) : undefined;
    this.responseBytes = byteHistograms ? new Histogram(BYTES_BUCKETS) : undefined;
  }

  observe(durationMs: number, requestBytes: number, responseBytes: number): void {
    checkIncrement(durationMs, 'durationMs');
    checkIncrement(requestBytes, 'requestBytes');
    checkIncrement(responseBytes, 'responseBytes');
    this.requests += 1;
    this.duration.observe(durationMs);
    this.requestBytes?.observe(requestBytes);
    this.responseBytes?.observe(responseBytes);
  }
}

class TcpSeriesImpl implements TcpSeries {
  sent = 0;
  received = 0;
  opened = 0;
  closed = 0;

  constructor(readonly labels: string) {}

  connection(sentBytes: number, receivedBytes: number): void {
    checkIncrement(sentBytes, 'sentBytes');
    checkIncrement(receivedBytes, 'receivedBytes');
    this.sent += sentBytes;
    this.received += receivedBytes;
    this.opened += 1;
    this.closed += 1;
  }
}

class SidecarSeriesImpl implements SidecarSeries {
  cpuSeconds = 0;
  memoryBytes = 0;

  constructor(readonly labels: string) {}

  addCpuSeconds(seconds: number): void {
    checkIncrement(seconds, 'seconds');
    this.cpuSeconds += seconds;
  }

  setMemoryBytes(bytes: number): void {
    if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`bytes must be a finite number >= 0, got ${bytes}`);
    this.memoryBytes = bytes;
  }
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
}

const F = {
  requests: { name: 'istio_requests_total', help: 'Requests handled by an Istio proxy.', type: 'counter' },
  duration: { name: 'istio_request_duration_milliseconds', help: 'Duration of requests.', type: 'histogram' },
  requestBytes: { name: 'istio_request_bytes', help: 'HTTP request body sizes.', type: 'histogram' },
  responseBytes: { name: 'istio_response_bytes', help: 'HTTP response body sizes.', type: 'histogram' },
  tcpSent: { name: 'istio_tcp_sent_bytes_total', help: 'Bytes sent during response in TCP connections.', type: 'counter' },
  tcpReceived: { name: 'istio_tcp_received_bytes_total', help: 'Bytes received during request in TCP connections.', type: 'counter' },
  tcpOpened: { name: 'istio_tcp_connections_opened_total', help: 'Opened TCP connections.', type: 'counter' },
  tcpClosed: { name: 'istio_tcp_connections_closed_total', help: 'Closed TCP connections.', type: 'counter' },
  cpu: { name: 'container_cpu_usage_seconds_total', help: 'Cumulative cpu time consumed in seconds.', type: 'counter' },
  memory: { name: 'container_memory_working_set_bytes', help: 'Current working set in bytes.', type: 'gauge' },
  processCpu: { name: 'process_cpu_seconds_total', help: 'Total user and system CPU time spent in seconds.', type: 'counter' },
  processRss: { name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes.', type: 'gauge' },
  simulated: { name: 'simulator_requests_simulated_total', help: 'End-to-end requests the simulator has played.', type: 'counter' },
} as const satisfies Record<string, Family>;

const histogramSeries = (bounds: readonly number[]): number => bounds.length + 3; // buckets, +Inf, _sum, _count
const FLUSH_AT = 1 << 16;

function header(f: Family): string {
  return `# HELP ${f.name} ${f.help}\n# TYPE ${f.name} ${f.type}\n`;
}

/** The simulated mesh's metrics registry; render it on every scrape. */
export class MeshMetrics {
  private readonly requests = new Map<string, RequestSeriesImpl>();
  private readonly tcp = new Map<string, TcpSeriesImpl>();
  private readonly sidecars = new Map<string, SidecarSeriesImpl>();
  private readonly processMetrics: boolean;
  private readonly byteHistograms: boolean;
  private readonly durationBuckets: readonly number[];
  private simulated = 0;

  constructor(options: MeshMetricsOptions = {}) {
    this.processMetrics = options.processMetrics ?? true;
    this.byteHistograms = options.byteHistograms ?? true;
    this.durationBuckets = options.durationBucketsMs ?? DURATION_BUCKETS_MS;
  }

  /** The handle of one request label set; the same labels return the same handle (keep it: lookups cost). */
  requestSeries(labels: RequestLabels): RequestSeries {
    const key = labelString(REQUEST_LABEL_NAMES.map((n) => [n, labels[n]] as const));
    let series = this.requests.get(key);
    if (!series) {
      series = new RequestSeriesImpl(key, this.durationBuckets, this.byteHistograms);
      this.requests.set(key, series);
    }
    return series;
  }

  /** The handle of one TCP label set (rendered with `request_protocol="tcp"`). */
  tcpSeries(labels: TcpLabels): TcpSeries {
    const pairs: (readonly [string, string])[] = TCP_LABEL_NAMES.map((n) => [n, labels[n]] as const);
    // Envoy puts request_protocol just before response_flags; order does not matter to Prometheus, only readers.
    pairs.splice(pairs.length - 2, 0, ['request_protocol', 'tcp']);
    const key = labelString(pairs);
    let series = this.tcp.get(key);
    if (!series) {
      series = new TcpSeriesImpl(key);
      this.tcp.set(key, series);
    }
    return series;
  }

  /** The `istio-proxy` container usage of one pod. */
  sidecarUsage(namespace: string, pod: string): SidecarSeries {
    const key = labelString([['namespace', namespace], ['pod', pod], ['container', 'istio-proxy']]);
    let series = this.sidecars.get(key);
    if (!series) {
      series = new SidecarSeriesImpl(key);
      this.sidecars.set(key, series);
    }
    return series;
  }

  /** Counts end-to-end requests the simulator played, for `simulator_requests_simulated_total`. */
  addSimulatedRequests(count: number): void {
    checkIncrement(count, 'count');
    this.simulated += count;
  }

  /** The number of time series (sample lines) a render emits. */
  seriesCount(): number {
    return (
      this.requests.size * (1 + histogramSeries(this.durationBuckets) + (this.byteHistograms ? 2 * histogramSeries(BYTES_BUCKETS) : 0)) +
      this.tcp.size * 4 +
      this.sidecars.size * 2 +
      (this.processMetrics ? 3 : 0)
    );
  }

  /** The whole exposition as one string (content type `text/plain; version=0.0.4`). */
  render(): string {
    return [...this.chunks()].join('');
  }

  /**
   * The exposition lazily, in chunks of about 64 KiB, so a server can wait for the socket between chunks: a large
   * mesh's exposition is hundreds of MiB (~800 bytes of Istio labels per series; V8 strings stop near 512 MiB).
   */
  *chunks(): Generator<string> {
    let buf = '';
    for (const piece of this.pieces()) {
      buf += piece;
      if (buf.length >= FLUSH_AT) {
        yield buf;
        buf = '';
      }
    }
    if (buf.length > 0) yield buf;
  }

  private *pieces(): Generator<string> {
    const requests = [...this.requests.values()];
    const tcp = [...this.tcp.values()];
    const sidecars = [...this.sidecars.values()];
    if (requests.length > 0) {
      yield header(F.requests);
      for (const s of requests) yield `${F.requests.name}{${s.labels}} ${s.requests}\n`;
      yield* histogramLines(F.duration, this.durationBuckets, requests, (s) => s.duration);
      if (this.byteHistograms) {
        yield* histogramLines(F.requestBytes, BYTES_BUCKETS, requests, (s) => s.requestBytes);
        yield* histogramLines(F.responseBytes, BYTES_BUCKETS, requests, (s) => s.responseBytes);
      }
    }
    if (tcp.length > 0) {
      const counters: [Family, (s: TcpSeriesImpl) => number][] = [
        [F.tcpSent, (s) => s.sent],
        [F.tcpReceived, (s) => s.received],
        [F.tcpOpened, (s) => s.opened],
        [F.tcpClosed, (s) => s.closed],
      ];
      for (const [family, value] of counters) {
        yield header(family);
        for (const s of tcp) yield `${family.name}{${s.labels}} ${formatSampleValue(value(s))}\n`;
      }
    }
    if (sidecars.length > 0) {
      yield header(F.cpu);
      for (const s of sidecars) yield `${F.cpu.name}{${s.labels}} ${formatSampleValue(s.cpuSeconds)}\n`;
      yield header(F.memory);
      for (const s of sidecars) yield `${F.memory.name}{${s.labels}} ${formatSampleValue(s.memoryBytes)}\n`;
    }
    if (this.processMetrics) {
      const cpu = process.cpuUsage();
      yield `${header(F.processCpu)}${F.processCpu.name} ${formatSampleValue((cpu.user + cpu.system) / 1e6)}\n`;
      yield `${header(F.processRss)}${F.processRss.name} ${formatSampleValue(process.memoryUsage.rss())}\n`;
      yield `${header(F.simulated)}${F.simulated.name} ${formatSampleValue(this.simulated)}\n`;
    }
  }
}

// `le` suffixes are the same for every series of a family, so build them once.
const LE_SUFFIX = new Map<readonly number[], string[]>();

function leSuffixes(bounds: readonly number[]): string[] {
  let suffixes = LE_SUFFIX.get(bounds);
  if (!suffixes) {
    suffixes = [...bounds.map((b) => `,le="${formatSampleValue(b)}"} `), ',le="+Inf"} '];
    LE_SUFFIX.set(bounds, suffixes);
  }
  return suffixes;
}

function* histogramLines(
  family: Family,
  bounds: readonly number[],
  series: readonly RequestSeriesImpl[],
  pick: (s: RequestSeriesImpl) => Histogram | undefined,
): Generator<string> {
  const le = leSuffixes(bounds);
  const bucket = `${family.name}_bucket{`;
  const sum = `${family.name}_sum{`;
  const count = `${family.name}_count{`;
  yield header(family);
  for (const s of series) {
    const h = pick(s);
    if (!h) continue;
    let lines = '';
    let cumulative = 0;
    for (let i = 0; i < bounds.length; i++) {
      cumulative += h.counts[i] as number;
      lines += `${bucket}${s.labels}${le[i]}${cumulative}\n`;
    }
    lines += `${bucket}${s.labels}${le[bounds.length]}${h.count}\n`;
    lines += `${sum}${s.labels}} ${formatSampleValue(h.sum)}\n`;
    lines += `${count}${s.labels}} ${h.count}\n`;
    yield lines;
  }
}
