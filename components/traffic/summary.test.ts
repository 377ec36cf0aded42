import { describe, expect, it } from 'vitest';
import { settingsSummary } from './summary';
import { reviewsModel } from './test-model';

describe('settingsSummary', () => {
  const bare = reviewsModel({ routes: [] });
  const full = reviewsModel({
    routes: [{ subset: 'v1', weight: 80 }, { subset: 'v2', weight: 20 }],
    rules: [
      { name: 'jason', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'jason' }, { kind: 'uri', match: 'prefix', value: '/api' }], route: [{ subset: 'v2', weight: 100 }] },
      { match: [], route: [{ subset: 'v1', weight: 50 }, { subset: 'v3', weight: 50 }] },
    ],
    fault: { delay: { percent: 10, fixedDelay: '5s' } },
    timeout: '3s',
    retries: { attempts: 2, retryOn: '5xx' },
    circuitBreaker: { maxConnections: 10, interval: '5s' },
  });

  it.each([
    ['shifting', bare, [['Default route', 'none: requests are spread over every pod']]],
    ['shifting', full, [['v1', '80%'], ['v2', '20%']]],
    ['routing', bare, [['Rules', 'none']]],
    ['routing', full, [['Rule 1 (jason)', 'header end-user exact "jason" and path prefix "/api" → v2 100%'], ['Rule 2', 'every request → v1 50%, v3 50%']]],
    ['faults', bare, [['Delay', 'none'], ['Abort', 'none']]],
    ['faults', full, [['Delay', '10% of requests by 5s'], ['Abort', 'none']]],
    ['timeouts', bare, [['Timeout', 'none'], ['Retries', 'none']]],
    ['timeouts', full, [['Timeout', '3s'], ['Retries', '2 attempts, on 5xx']]],
    ['circuit', bare, [['Circuit breaker', 'none']]],
    ['circuit', full, [['Max connections', '10'], ['Interval', '5s']]],
  ] as const)('%s', (section, model, lines) => {
    expect(settingsSummary(model, section)).toEqual(lines);
  });
});
