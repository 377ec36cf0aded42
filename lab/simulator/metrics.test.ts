import { describe, expect, it } from 'vitest';
import {
  BYTES_BUCKETS,
  DURATION_BUCKETS_MS,
  MeshMetrics,
  escapeLabelValue,
  formatSampleValue,
  type RequestLabels,
  type TcpLabels,
} from './metrics';

function requestLabels(overrides: Partial<RequestLabels> = {}): RequestLabels {
  return {
    reporter: 'destination',
    source_workload: 'productpage-v1',
    source_workload_namespace: 'bookinfo',
    source_principal: 'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage',
    source_app: 'productpage',
    source_version: 'v1',
    source_canonical_service: 'productpage',
    source_canonical_revision: 'v1',
    source_cluster: 'Kubernetes',
    destination_workload: 'reviews-v2',
    destination_workload_namespace: 'bookinfo',
    destination_principal: 'spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews',
    destination_app: 'reviews',
    destination_version: 'v2',
    destination_service: 'reviews.bookinfo.svc.cluster.local',
    destination_service_name: 'reviews',
    destination_service_namespace: 'bookinfo',
    destination_canonical_service: 'reviews',
    destination_canonical_revision: 'v2',
    destination_cluster: 'Kubernetes',
    request_protocol: 'http',
    response_code: '200',
    grpc_response_status: '',
    response_flags: '-',
    connection_security_policy: 'mutual_tls',
    ...overrides,
  };
}

function tcpLabels(overrides: Partial<TcpLabels> = {}): TcpLabels {
  const { request_protocol: _p, response_code: _c, grpc_response_status: _g, ...rest } = requestLabels();
  return { ...rest, destination_workload: 'mysqldb-v1', destination_service: 'mysqldb.bookinfo.svc.cluster.local', ...overrides };
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Parsed {
  samples: Sample[];
  help: Map<string, number>;
  type: Map<string, string>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const VALUE = /^(?:[+-]?Inf|NaN|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;

function parseValue(text: string): number {
  if (!VALUE.test(text)) throw new Error(`bad value ${JSON.stringify(text)}`);
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** A strict reader of the subset of text format 0.0.4 the simulator writes: `name{l="v",...} value`. */
function parseSampleLine(line: string): Sample {
  const name = NAME.exec(line)?.[0];
  if (!name) throw new Error(`no metric name: ${line}`);
  let i = name.length;
  const labels: Record<string, string> = {};
  if (line[i] === '{') {
    i++;
    while (line[i] !== '}') {
      const label = LABEL_NAME.exec(line.slice(i))?.[0];
      if (!label) throw new Error(`bad label name at ${i}: ${line}`);
      i += label.length;
      if (line.slice(i, i + 2) !== '="') throw new Error(`expected =" at ${i}: ${line}`);
      i += 2;
      let value = '';
      for (;;) {
        const c = line[i++];
        if (c === undefined) throw new Error(`unterminated value: ${line}`);
        if (c === '"') break;
        if (c === '\\') {
          const e = line[i++];
          if (e === '\\') value += '\\';
          else if (e === '"') value += '"';
          else if (e === 'n') value += '\n';
          else throw new Error(`bad escape \\${e}: ${line}`);
        } else value += c;
      }
      if (label in labels) throw new Error(`duplicate label ${label}: ${line}`);
      labels[label] = value;
      if (line[i] === ',') i++;
      else if (line[i] !== '}') throw new Error(`expected , or } at ${i}: ${line}`);
    }
    i++;
  }
  if (line[i] !== ' ') throw new Error(`expected one space before the value: ${line}`);
  return { name, labels, value: parseValue(line.slice(i + 1)) };
}

function familyOf(sampleName: string, type: Map<string, string>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = sampleName.slice(0, -suffix.length);
    if (sampleName.endsWith(suffix) && type.get(base) === 'histogram') return base;
  }
  return sampleName;
}

function parse(text: string): Parsed {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const parsed: Parsed = { samples: [], help: new Map(), type: new Map() };
  const finished = new Set<string>();
  let current = '';
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, 'HELP' | 'TYPE', string, string];
      if (kind === 'HELP') parsed.help.set(name, (parsed.help.get(name) ?? 0) + 1);
      else {
        if (parsed.type.has(name)) throw new Error(`TYPE twice for ${name}`);
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`bad type ${rest}`);
        parsed.type.set(name, rest);
      }
      continue;
    }
    if (line.startsWith('#') || line === '') throw new Error(`unexpected line: ${JSON.stringify(line)}`);
    const sample = parseSampleLine(line);
    const family = familyOf(sample.name, parsed.type);
    if (!parsed.type.has(family)) throw new Error(`sample before its TYPE: ${line}`);
    if (family !== current) {
      // Prometheus rejects a family whose lines are split by another family.
      if (finished.has(family)) throw new Error(`family ${family} is not contiguous`);
      if (current) finished.add(current);
      current = family;
    }
    parsed.samples.push(sample);
  }
  return parsed;
}

function samplesOf(parsed: Parsed, name: string, where: Record<string, string> = {}): Sample[] {
  return parsed.samples.filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v));
}

function valueOf(parsed: Parsed, name: string, where: Record<string, string> = {}): number {
  const found = samplesOf(parsed, name, where);
  if (found.length !== 1) throw new Error(`expected one ${name} ${JSON.stringify(where)}, found ${found.length}`);
  return (found[0] as Sample).value;
}

describe('escapeLabelValue', () => {
  it.each([
    ['plain', 'reviews-v2', 'reviews-v2'],
    ['double quote and backslash', 'a"b\\c', 'a\\"b\\\\c'],
    ['newline', 'line1\nline2', 'line1\\nline2'],
    ['backslash before n stays two characters', '\\n', '\\\\n'],
    ['everything', '"\\\n', '\\"\\\\\\n'],
    ['empty', '', ''],
  ])('%s', (_case, input, expected) => {
    expect(escapeLabelValue(input)).toBe(expected);
  });
});

describe('formatSampleValue', () => {
  it.each([
    [0, '0'],
    [42, '42'],
    [0.5, '0.5'],
    [3600000, '3600000'],
    [1e21, '1e+21'],
    [1.5e-7, '1.5e-7'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('%s → %s, which the line format accepts', (input, expected) => {
    expect(formatSampleValue(input)).toBe(expected);
    expect(VALUE.test(expected)).toBe(true);
  });
});

describe('MeshMetrics.render', () => {
  function populated(): MeshMetrics {
    const m = new MeshMetrics();
    m.requestSeries(requestLabels()).observe(12, 100, 2000);
    m.requestSeries(requestLabels({ reporter: 'source', connection_security_policy: 'unknown' })).observe(14, 100, 2000);
    m.requestSeries(requestLabels({ response_code: '503', response_flags: 'UF' })).observe(3, 100, 0);
    m.tcpSeries(tcpLabels()).connection(500, 40);
    m.tcpSeries(tcpLabels({ reporter: 'source', connection_security_policy: 'unknown' })).connection(500, 40);
    m.sidecarUsage('bookinfo', 'reviews-v2-abc').addCpuSeconds(0.25);
    m.sidecarUsage('bookinfo', 'ratings-v1-xyz').setMemoryBytes(52_428_800);
    m.addSimulatedRequests(3);
    return m;
  }

  it.each([
    ['istio_requests_total', 'counter'],
    ['istio_request_duration_milliseconds', 'histogram'],
    ['istio_request_bytes', 'histogram'],
    ['istio_response_bytes', 'histogram'],
    ['istio_tcp_sent_bytes_total', 'counter'],
    ['istio_tcp_received_bytes_total', 'counter'],
    ['istio_tcp_connections_opened_total', 'counter'],
    ['istio_tcp_connections_closed_total', 'counter'],
    ['container_cpu_usage_seconds_total', 'counter'],
    ['container_memory_working_set_bytes', 'gauge'],
    ['process_cpu_seconds_total', 'counter'],
    ['process_resident_memory_bytes', 'gauge'],
    ['simulator_requests_simulated_total', 'counter'],
  ])('%s has one HELP and TYPE %s', (family, type) => {
    const parsed = parse(populated().render());
    expect(parsed.help.get(family)).toBe(1);
    expect(parsed.type.get(family)).toBe(type);
  });

  it('parses line by line, and emits exactly seriesCount() samples', () => {
    const m = populated();
    const parsed = parse(m.render());
    expect(parsed.samples.length).toBe(m.seriesCount());
    expect(parsed.samples.length).toBe(3 * (1 + 3 * (DURATION_BUCKETS_MS.length + 3)) + 2 * 4 + 2 * 2 + 3);
  });

  it.each([
    ['quote and backslash', 'a"b\\c', 'source_workload="a\\"b\\\\c"'],
    ['newline', 'x\ny', 'source_workload="x\\ny"'],
    ['PromQL-looking', 'x"} or vector(1)', 'source_workload="x\\"} or vector(1)"'],
  ])('escapes a label value with %s, and it reads back unchanged', (_case, value, raw) => {
    const m = new MeshMetrics({ processMetrics: false });
    m.requestSeries(requestLabels({ source_workload: value })).observe(1, 1, 1);
    const text = m.render();
    expect(text).toContain(raw);
    expect(text.split('\n').filter((l) => l.startsWith('istio_requests_total{'))).toHaveLength(1);
    expect(valueOf(parse(text), 'istio_requests_total', { source_workload: value })).toBe(1);
  });

  it.each([
    { name: 'on bucket bounds', durations: [0.5, 1, 5, 5, 10], le: { '0.5': 1, '1': 2, '5': 4, '10': 5, '25': 5 } },
    { name: 'between bounds', durations: [0.7, 7, 70, 700], le: { '0.5': 0, '1': 1, '10': 2, '100': 3, '1000': 4 } },
    { name: 'zero', durations: [0], le: { '0.5': 1, '3600000': 1 } },
    { name: 'beyond the last bound', durations: [2, 4_000_000], le: { '5': 1, '3600000': 1, '+Inf': 2 } },
  ])('duration histogram, $name: cumulative buckets, +Inf = _count, _sum', ({ durations, le }) => {
    const m = new MeshMetrics({ processMetrics: false });
    const s = m.requestSeries(requestLabels());
    for (const d of durations) s.observe(d, 10, 10);
    const parsed = parse(m.render());
    const name = 'istio_request_duration_milliseconds';
    for (const [bound, expected] of Object.entries(le)) expect(valueOf(parsed, `${name}_bucket`, { le: bound })).toBe(expected);
    const buckets = samplesOf(parsed, `${name}_bucket`).map((b) => b.value);
    expect(buckets).toHaveLength(DURATION_BUCKETS_MS.length + 1);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(samplesOf(parsed, `${name}_bucket`).at(-1)?.labels.le).toBe('+Inf');
    expect(valueOf(parsed, `${name}_bucket`, { le: '+Inf' })).toBe(durations.length);
    expect(valueOf(parsed, `${name}_count`)).toBe(durations.length);
    expect(valueOf(parsed, `${name}_sum`)).toBeCloseTo(durations.reduce((a, b) => a + b, 0), 9);
    expect(valueOf(parsed, 'istio_requests_total')).toBe(durations.length);
  });

  it.each([
    ['istio_request_bytes', [0, 1, 7, 900, 50_000], { '1': 2, '10': 3, '1000': 4, '60000': 5 }],
    ['istio_response_bytes', [2_000_000, 3], { '5': 1, '1800000': 1, '3600000': 2 }],
  ] as const)('%s records byte sizes into cumulative buckets', (name, sizes, le) => {
    const m = new MeshMetrics({ processMetrics: false });
    const s = m.requestSeries(requestLabels());
    for (const size of sizes) s.observe(1, name === 'istio_request_bytes' ? size : 0, name === 'istio_response_bytes' ? size : 0);
    const parsed = parse(m.render());
    for (const [bound, expected] of Object.entries(le)) expect(valueOf(parsed, `${name}_bucket`, { le: bound })).toBe(expected);
    expect(samplesOf(parsed, `${name}_bucket`)).toHaveLength(BYTES_BUCKETS.length + 1);
    expect(valueOf(parsed, `${name}_sum`)).toBe(sizes.reduce((a: number, b: number) => a + b, 0));
  });

  it('returns one series for the same label set, another for a different one', () => {
    const m = new MeshMetrics({ processMetrics: false });
    const a = m.requestSeries(requestLabels());
    const before = m.seriesCount();
    const again = m.requestSeries(requestLabels());
    expect(again).toBe(a);
    expect(m.seriesCount()).toBe(before);
    a.observe(1, 1, 1);
    again.observe(1, 1, 1);
    const other = m.requestSeries(requestLabels({ response_code: '500' }));
    other.observe(1, 1, 1);
    const parsed = parse(m.render());
    expect(samplesOf(parsed, 'istio_requests_total')).toHaveLength(2);
    expect(valueOf(parsed, 'istio_requests_total', { response_code: '200' })).toBe(2);
    expect(valueOf(parsed, 'istio_requests_total', { response_code: '500' })).toBe(1);
    expect(m.tcpSeries(tcpLabels())).toBe(m.tcpSeries(tcpLabels()));
    expect(m.sidecarUsage('a', 'p')).toBe(m.sidecarUsage('a', 'p'));
  });

  it('carries the full Istio label set on request metrics', () => {
    const m = new MeshMetrics({ processMetrics: false });
    m.requestSeries(requestLabels({ request_protocol: 'grpc', grpc_response_status: '14' })).observe(1, 1, 1);
    const [sample] = samplesOf(parse(m.render()), 'istio_requests_total');
    expect(sample?.labels).toEqual(requestLabels({ request_protocol: 'grpc', grpc_response_status: '14' }));
  });

  it('writes TCP metrics with request_protocol="tcp" and without response code labels', () => {
    const m = new MeshMetrics({ processMetrics: false });
    const s = m.tcpSeries(tcpLabels());
    s.connection(1000, 20);
    s.connection(500, 30);
    const parsed = parse(m.render());
    expect(valueOf(parsed, 'istio_tcp_sent_bytes_total')).toBe(1500);
    expect(valueOf(parsed, 'istio_tcp_received_bytes_total')).toBe(50);
    expect(valueOf(parsed, 'istio_tcp_connections_opened_total')).toBe(2);
    expect(valueOf(parsed, 'istio_tcp_connections_closed_total')).toBe(2);
    const [sample] = samplesOf(parsed, 'istio_tcp_sent_bytes_total');
    expect(sample?.labels).toEqual({ ...tcpLabels(), request_protocol: 'tcp' });
    expect(sample?.labels).not.toHaveProperty('response_code');
    expect(sample?.labels).not.toHaveProperty('grpc_response_status');
  });

  it('writes sidecar CPU as a counter and memory as a gauge for container="istio-proxy"', () => {
    const m = new MeshMetrics({ processMetrics: false });
    const s = m.sidecarUsage('bookinfo', 'reviews-v2-abc');
    s.addCpuSeconds(0.5);
    s.addCpuSeconds(0.25);
    s.setMemoryBytes(100);
    s.setMemoryBytes(60);
    const parsed = parse(m.render());
    const where = { namespace: 'bookinfo', pod: 'reviews-v2-abc', container: 'istio-proxy' };
    expect(valueOf(parsed, 'container_cpu_usage_seconds_total', where)).toBe(0.75);
    expect(valueOf(parsed, 'container_memory_working_set_bytes', where)).toBe(60);
  });

  it('reports its own process metrics unless turned off', () => {
    const on = parse(new MeshMetrics().render());
    expect(valueOf(on, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(on, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(on, 'simulator_requests_simulated_total')).toBe(0);
    expect(new MeshMetrics({ processMetrics: false }).render()).toBe('');
  });

  it('only lets counters and histogram buckets grow', () => {
    const m = populated();
    const first = parse(m.render());
    m.requestSeries(requestLabels()).observe(250, 1, 1);
    m.tcpSeries(tcpLabels()).connection(0, 0);
    m.sidecarUsage('bookinfo', 'reviews-v2-abc').addCpuSeconds(0);
    const second = parse(m.render());
    const key = (s: Sample) => `${s.name}${JSON.stringify(s.labels)}`;
    const later = new Map(second.samples.map((s) => [key(s), s.value]));
    const monotonic = first.samples.filter((s) => {
      const family = familyOf(s.name, first.type);
      return first.type.get(family) !== 'gauge' && !s.name.startsWith('process_');
    });
    expect(monotonic.length).toBeGreaterThan(50);
    for (const s of monotonic) expect(later.get(key(s)), key(s)).toBeGreaterThanOrEqual(s.value);
    const grew = monotonic.filter((s) => (later.get(key(s)) ?? 0) > s.value).map((s) => s.name);
    expect(grew).toEqual(expect.arrayContaining(['istio_requests_total', 'istio_request_duration_milliseconds_count', 'istio_tcp_connections_opened_total']));
  });

  it.each([
    ['negative duration', (m: MeshMetrics) => m.requestSeries(requestLabels()).observe(-1, 0, 0)],
    ['NaN request bytes', (m: MeshMetrics) => m.requestSeries(requestLabels()).observe(1, NaN, 0)],
    ['infinite response bytes', (m: MeshMetrics) => m.requestSeries(requestLabels()).observe(1, 0, Infinity)],
    ['negative TCP bytes', (m: MeshMetrics) => m.tcpSeries(tcpLabels()).connection(-5, 0)],
    ['negative CPU seconds', (m: MeshMetrics) => m.sidecarUsage('a', 'b').addCpuSeconds(-0.1)],
    ['negative memory', (m: MeshMetrics) => m.sidecarUsage('a', 'b').setMemoryBytes(-1)],
    ['negative simulated count', (m: MeshMetrics) => m.addSimulatedRequests(-1)],
  ])('rejects %s, so no counter can go down', (_case, act) => {
    const m = new MeshMetrics({ processMetrics: false });
    expect(() => act(m)).toThrow(RangeError);
    const text = m.render();
    const samples = text ? parse(text).samples : [];
    expect(samples.every((s) => s.value === 0)).toBe(true);
  });

  it('streams in chunks of at least 64 KiB that end on whole lines', () => {
    const m = populated();
    for (let i = 0; i < 300; i++) m.requestSeries(requestLabels({ source_workload: `w${i}` })).observe(5, 1, 1);
    const chunks = [...m.chunks()];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.slice(0, -1).every((c) => c.length >= 1 << 16)).toBe(true);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(parse(chunks.join('')).samples.length).toBe(m.seriesCount());
  });
});
