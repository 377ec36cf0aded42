import { describe, expect, it } from 'vitest';
import { graphCacheKey } from './graph-service';
import type { GraphParams } from './mesh/graph/params';

const params: GraphParams = {
  namespaces: ['travel', 'bookinfo'],
  graphType: 'versionedApp',
  duration: 300,
  idleEdges: false,
  serviceNodes: true,
  latency: false,
  throughput: false,
};

describe('graphCacheKey', () => {
  it('is one key for one graph in one cache period, whatever the order of the namespaces', () => {
    expect(graphCacheKey({ ...params, namespaces: ['bookinfo', 'travel'] }, 1_000_000)).toBe(graphCacheKey(params, 1_000_004));
  });

  it('differs for the next cache period, another parameter, or a fixed instant', () => {
    const key = graphCacheKey(params, 1_000_000);
    expect(graphCacheKey(params, 1_000_005)).not.toBe(key);
    expect(graphCacheKey({ ...params, duration: 600 }, 1_000_000)).not.toBe(key);
    expect(graphCacheKey({ ...params, latency: true }, 1_000_000)).not.toBe(key);
    expect(graphCacheKey({ ...params, queryTime: 1_000_000 }, 1_000_000)).not.toBe(key);
    expect(graphCacheKey({ ...params, queryTime: 1_000_000 }, 2_000_000)).toBe(graphCacheKey({ ...params, queryTime: 1_000_000 }, 1_000_000));
  });
});
