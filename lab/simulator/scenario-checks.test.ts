import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError, validateScenario } from './scenario';
import { findCallCycles } from './scenario-checks';

const A = '{ medianMs: 1, p99Ms: 5 }';

/** A one-namespace scenario (`shop`, services a, b, c) whose workloads, and optionally more, a case supplies. */
function shop(workloads: string[], more: string[] = []): string {
  return [
    'name: t',
    'namespaces:',
    '  - name: shop',
    '    services:',
    '      - { name: a, port: 80 }',
    '      - { name: b, port: 80 }',
    '      - { name: c, port: 80 }',
    '    workloads:',
    ...workloads.map((w) => `      - ${w}`),
    ...more,
  ].join('\n');
}

const w = (app: string, calls = '[]'): string => `{ app: ${app}, version: v1, latency: ${A}, calls: ${calls} }`;
const ABC = [w('a'), w('b'), w('c')];
const withCalls = ([a, b, c]: [string, string, string]): string[] => [w('a', a), w('b', b), w('c', c)];

function problems(text: string): string[] {
  try {
    parseScenario(text, 't.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseScenario rejects broken scenarios, naming the field', () => {
  it('accepts the base case the table below breaks', () => {
    expect(problems(shop(ABC, ['entries: [{ via: ingress, namespace: shop, service: a, ratePerSecond: 1 }]']))).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    [
      'an unclosed YAML list',
      'name: t\nnamespaces:\n  - name: shop\n    services: [{ name: a, port: 80 }\n    workloads: []\n',
      ['t.yaml: line 5, column 5: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
    [
      'a YAML indentation error',
      'name: t\nnamespaces:\n  - name: shop\n     services: []\n',
      [
        't.yaml: line 3, column 11: Nested mappings are not allowed in compact mappings',
        't.yaml: line 3, column 11: Implicit keys need to be on a single line',
      ],
    ],
    ['duplicate YAML key', 'name: t\nname: u\nnamespaces: []\n', ['t.yaml: line 2, column 1: Map keys must be unique']],
    ['an empty file', '', ['t.yaml: (top level): must be a mapping, not null']],
    [
      'a missing field and an unknown one',
      shop([`{ app: a, version: v1, latncy: ${A} }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].latency: required', 't.yaml: namespaces[0].workloads[0].latncy: unknown field'],
    ],
    [
      'p99 below the median',
      shop([`{ app: a, version: v1, latency: { medianMs: 12, p99Ms: 10 } }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].latency.p99Ms: must be at least medianMs (12)'],
    ],
    [
      'a zero median',
      shop([`{ app: a, version: v1, latency: { medianMs: 0, p99Ms: 10 } }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].latency.medianMs: must be greater than 0'],
    ],
    [
      'an error rate above 1',
      shop([`{ app: a, version: v1, errorRate: 1.5, latency: ${A} }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].errorRate: must be at most 1'],
    ],
    [
      'a port out of range and a bad protocol',
      shop(ABC).replace('{ name: b, port: 80 }', '{ name: b, port: 70000, protocol: udp }'),
      [
        't.yaml: namespaces[0].services[1].port: must be at most 65535',
        't.yaml: namespaces[0].services[1].protocol: must be one of http, grpc, tcp, not "udp"',
      ],
    ],
    [
      'a name that is not a DNS label',
      shop(ABC).replace('{ name: c, port: 80 }', '{ name: Cart_1, port: 80 }'),
      [
        't.yaml: namespaces[0].services[2].name: "Cart_1" is not a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63)',
      ],
    ],
    [
      'a version that makes no workload name',
      shop([`{ app: a, version: V1.0, latency: ${A} }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].name: required: the default "a-V1.0" (app-version) is not a DNS-1123 label'],
    ],
    [
      'an infinite latency',
      shop([`{ app: a, version: v1, latency: { medianMs: .inf, p99Ms: 5 } }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].latency.medianMs: must be a number, not Infinity'],
    ],
    [
      'a string where a number belongs',
      shop([`{ app: a, version: v1, replicas: two, latency: ${A} }`, ...ABC.slice(1)]),
      ['t.yaml: namespaces[0].workloads[0].replicas: must be a number, not "two"'],
    ],
    [
      'a negative entry rate',
      shop(ABC, ['entries: [{ via: ingress, namespace: shop, service: a, ratePerSecond: -1 }]']),
      ['t.yaml: entries[0].ratePerSecond: must be at least 0'],
    ],
    [
      'request shares that do not sum to 1',
      shop(ABC, [
        'entries:',
        '  - via: ingress',
        '    namespace: shop',
        '    service: a',
        '    ratePerSecond: 1',
        '    requests: [{ share: 0.5 }, { share: 0.3, headers: { End-User: jason } }, { share: 1.2 }]',
      ]),
      [
        't.yaml: entries[0].requests[1].headers.End-User: "End-User" is not a lower-case HTTP header name',
        't.yaml: entries[0].requests[2].share: must be at most 1',
      ],
    ],
    [
      'request shares summing to 0.9',
      shop(ABC, ['entries: [{ via: ingress, namespace: shop, service: a, ratePerSecond: 1, requests: [{ share: 0.6 }, { share: 0.3 }] }]']),
      ['t.yaml: entries[0].requests: shares must sum to 1, not 0.9'],
    ],
    [
      'duplicate namespaces, services and workloads',
      shop([...ABC, `{ name: b-v1, app: b, version: v2, latency: ${A} }`], [
        '      - { app: c, version: v2, latency: { medianMs: 1, p99Ms: 5 } }',
        '  - name: shop',
      ]).replace('{ name: c, port: 80 }', '{ name: a, port: 81, app: c }'),
      [
        't.yaml: namespaces[1].name: duplicate namespace "shop" (first at namespaces[0])',
        't.yaml: namespaces[0].services[2].name: duplicate service "a" in namespace "shop" (first at services[0])',
        't.yaml: namespaces[0].workloads[3].name: duplicate workload "b-v1" in namespace "shop" (first at workloads[1])',
      ],
    ],
    [
      'a dangling call',
      shop(withCalls(['[{ service: ratingz }]', '[]', '[]'])),
      ['t.yaml: namespaces[0].workloads[0].calls[0].service: no service "ratingz" in namespace "shop"'],
    ],
    [
      'a call into a missing namespace',
      shop(withCalls(['[{ service: b, namespace: travl }]', '[]', '[]'])),
      ['t.yaml: namespaces[0].workloads[0].calls[0].namespace: no namespace "travl"'],
    ],
    [
      'a service that selects no workload',
      shop(ABC.slice(0, 2)),
      ['t.yaml: namespaces[0].services[2].app: selects no workload: none in namespace "shop" has app "c"'],
    ],
    [
      'an entry into a missing service',
      shop(ABC, ['entries: [{ via: outside, namespace: shop, service: productpage, ratePerSecond: 1 }]']),
      ['t.yaml: entries[0].service: no service "productpage" in namespace "shop"'],
    ],
    [
      'tcp bytes on an http call, and a tcp call without them',
      shop(withCalls(['[{ service: b, tcpBytes: { sent: 1, received: 2 } }, { service: c }]', '[]', '[]'])).replace(
        '{ name: c, port: 80 }',
        '{ name: c, port: 5432, protocol: tcp }',
      ),
      [
        't.yaml: namespaces[0].workloads[0].calls[0].tcpBytes: only for calls to tcp services; "b.shop" is http',
        't.yaml: namespaces[0].workloads[0].calls[1].tcpBytes: required for a call to tcp service "c.shop"',
      ],
    ],
    [
      'a workload calling its own service',
      shop(withCalls(['[{ service: a }]', '[]', '[]'])),
      ['t.yaml: namespaces[0].workloads[0].calls[0].service: call cycle shop/a-v1 → a.shop → shop/a-v1'],
    ],
    [
      'a cycle through three services',
      shop(withCalls(['[{ service: b }]', '[{ service: c }]', '[{ service: a, perRequest: 0.1 }]'])),
      [
        't.yaml: namespaces[0].workloads[2].calls[0].service: call cycle shop/a-v1 → b.shop → shop/b-v1 → c.shop → shop/c-v1 → a.shop → shop/a-v1',
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('finds a cycle across namespaces, through one version of a service', () => {
    const text = shop(withCalls(['[{ service: b }]', '[]', '[]']), [
      `      - { app: b, version: v2, latency: ${A}, calls: [{ service: hotels, namespace: travel }] }`,
      '  - name: travel',
      '    services: [{ name: hotels, port: 80 }]',
      '    workloads:',
      `      - { app: hotels, version: v1, latency: ${A}, calls: [{ service: a, namespace: shop }] }`,
    ]);
    expect(problems(text)).toEqual([
      't.yaml: namespaces[1].workloads[0].calls[0].service: call cycle shop/a-v1 → b.shop → shop/b-v2 → hotels.travel → travel/hotels-v1 → a.shop → shop/a-v1',
    ]);
  });
});

describe('every problem at once', () => {
  it('reports all shape problems together, one per line', () => {
    const text = shop([
      `{ app: a, version: v1, replicas: 0, latency: { medianMs: 5, p99Ms: 1 } }`,
      `{ app: b, version: v1, sidecar: maybe, latency: ${A} }`,
      `{ app: c, version: v1, latency: ${A}, calls: [{ service: a, perRequest: -2 }] }`,
    ]);
    let caught: unknown;
    try {
      parseScenario(text, 't.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).message.split('\n')).toEqual([
      't.yaml: namespaces[0].workloads[0].replicas: must be at least 1',
      't.yaml: namespaces[0].workloads[0].latency.p99Ms: must be at least medianMs (5)',
      't.yaml: namespaces[0].workloads[1].sidecar: must be true or false, not "maybe"',
      't.yaml: namespaces[0].workloads[2].calls[0].perRequest: must be at least 0',
    ]);
  });

  it('reports all reference problems together, cycles last', () => {
    const text = shop(withCalls(['[{ service: b }, { service: x }]', '[{ service: a }]', '[{ service: y }]']), [
      'entries: [{ via: ingress, namespace: nowhere, service: a, ratePerSecond: 1 }]',
    ]);
    expect(problems(text)).toEqual([
      't.yaml: namespaces[0].workloads[0].calls[1].service: no service "x" in namespace "shop"',
      't.yaml: namespaces[0].workloads[2].calls[0].service: no service "y" in namespace "shop"',
      't.yaml: entries[0].namespace: no namespace "nowhere"',
      't.yaml: namespaces[0].workloads[1].calls[0].service: call cycle shop/a-v1 → b.shop → shop/b-v1 → a.shop → shop/a-v1',
    ]);
  });
});

describe('validateScenario', () => {
  it('checks a scenario built in code with the same rules', () => {
    const bookinfo = loadScenario('bookinfo');
    const broken = structuredClone(bookinfo);
    const reviews = broken.namespaces[0]?.workloads[2];
    if (!reviews) throw new Error('bookinfo has no reviews-v1');
    reviews.calls.push({ service: 'productpage', namespace: 'bookinfo', perRequest: 1 });
    reviews.latency.p99Ms = Number.NaN;
    expect(validateScenario(broken)).toEqual(['namespaces[0].workloads[2].latency.p99Ms: must be a number, not NaN']);
    reviews.latency.p99Ms = 40;
    expect(validateScenario(broken)).toEqual([
      'namespaces[0].workloads[2].calls[0].service: call cycle bookinfo/productpage-v1 → reviews.bookinfo → bookinfo/reviews-v1 → productpage.bookinfo → bookinfo/productpage-v1',
    ]);
  });

  it('finds no cycle in bookinfo, where reviews-v1 and ratings-v1 are leaves', () => {
    expect(findCallCycles(loadScenario('bookinfo'))).toEqual([]);
  });
});
