import { describe, expect, it } from 'vitest';
import { Registry } from './registry';

describe('Registry.render', () => {
  it('renders counters, gauges and histograms in the text format, series sorted by labels', () => {
    const r = new Registry();
    const requests = r.counter('app_requests_total', 'Requests served.\nBy route.', ['route']);
    const idle = r.counter('app_restarts_total', 'Restarts.');
    const state = r.gauge('app_state', 'State "now".', ['upstream']);
    const latency = r.histogram('app_latency_seconds', 'Latency.', ['upstream'], [0.1, 1]);
    requests.inc({ route: '/api/z' });
    requests.inc({ route: '/api/a"b' }, 2);
    requests.inc({ route: '/api/z' });
    state.set({ upstream: 'jaeger' }, 1);
    latency.observe({ upstream: 'prometheus' }, 0.05);
    latency.observe({ upstream: 'prometheus' }, 0.5);
    latency.observe({ upstream: 'prometheus' }, 3);
    latency.observe({ upstream: 'prometheus' }, 0.1);
    expect(idle.value({})).toBe(0);
    expect(r.render()).toBe(
      [
        '# HELP app_requests_total Requests served.\\nBy route.',
        '# TYPE app_requests_total counter',
        'app_requests_total{route="/api/a\\"b"} 2',
        'app_requests_total{route="/api/z"} 2',
        '# HELP app_restarts_total Restarts.',
        '# TYPE app_restarts_total counter',
        'app_restarts_total 0',
        '# HELP app_state State "now".',
        '# TYPE app_state gauge',
        'app_state{upstream="jaeger"} 1',
        '# HELP app_latency_seconds Latency.',
        '# TYPE app_latency_seconds histogram',
        'app_latency_seconds_bucket{upstream="prometheus",le="0.1"} 2',
        'app_latency_seconds_bucket{upstream="prometheus",le="1"} 3',
        'app_latency_seconds_bucket{upstream="prometheus",le="+Inf"} 4',
        'app_latency_seconds_sum{upstream="prometheus"} 3.65',
        'app_latency_seconds_count{upstream="prometheus"} 4',
        '',
      ].join('\n'),
    );
  });

  it('reads a collected gauge at render time, replacing what it held before', () => {
    const r = new Registry();
    const g = r.gauge('breaker_state', 'State.', ['state']);
    let open = 0;
    g.collect(() => [
      [{ state: 'closed' }, 1 - open],
      [{ state: 'open' }, open],
    ]);
    expect(r.render()).toContain('breaker_state{state="closed"} 1\nbreaker_state{state="open"} 0\n');
    open = 1;
    expect(r.render()).toContain('breaker_state{state="closed"} 0\nbreaker_state{state="open"} 1\n');
  });

  it('rejects what the format cannot carry', () => {
    const r = new Registry();
    r.counter('x_total', 'X.');
    expect(() => r.counter('x_total', 'again')).toThrow('registered twice');
    expect(() => r.counter('bad-name', 'X.')).toThrow('invalid metric name');
    expect(() => r.histogram('h', 'H.', ['le'])).toThrow('invalid label name');
    expect(() => r.histogram('h2', 'H.', [], [1, 1])).toThrow('bucket bounds must increase');
    expect(() => r.counter('c_total', 'C.').inc({}, -1)).toThrow(RangeError);
  });
});
