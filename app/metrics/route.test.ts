import { describe, expect, it } from 'vitest';
import { telemetry } from '@/lib/telemetry/instruments';
import { GET } from './route';

describe('GET /metrics', () => {
  it('serves the registry in the text format, breaker states included from the first scrape', async () => {
    telemetry().cacheHits.inc({});
    const res = GET(new Request('http://127.0.0.1/metrics'));
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE meshscope_http_request_duration_seconds histogram\n');
    expect(text).toContain('# TYPE meshscope_prometheus_cache_hits_total counter\nmeshscope_prometheus_cache_hits_total 1\n');
    for (const upstream of ['kubernetes', 'prometheus', 'jaeger']) {
      expect(text).toContain(`meshscope_circuit_breaker_state{upstream="${upstream}",state="closed"} 1\n`);
      expect(text).toContain(`meshscope_circuit_breaker_state{upstream="${upstream}",state="open"} 0\n`);
    }
  });
});
