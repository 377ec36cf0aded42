import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docs, mesh, place } from '../testing/istio-fixtures';
import { DEFAULT_RETRIES, resolveRoute, type RequestContext, type RouteDecision } from './routing';
import type { MeshConfig } from './istio-config';

const BOOKINFO = 'bookinfo/networking';




const bookinfo = (file: string, createdAt?: string) => place(docs(`${BOOKINFO}/${file}`), 'bookinfo', createdAt);
const inline = (yaml: string, namespace = 'bookinfo', createdAt?: string) => place([parse(yaml)], namespace, createdAt);
const svc = (name: string, ns = 'bookinfo') => `${name}.${ns}.svc.cluster.local`;

function req(over: Partial<RequestContext> = {}): RequestContext {
  return {
    sourceNamespace: 'bookinfo',
    sourceLabels: { app: 'productpage', version: 'v1' },
    host: svc('reviews'),
    port: 9080,
    headers: {},
    path: '/',
    method: 'GET',
    ...over,
  };
}

/** The subsets a decision sends to, with their weights, e.g. `v1:80 v2:20`; or the proxy's own answer. */
function split(d: RouteDecision): string {
  if (d.directResponse) return `${d.directResponse.status} ${d.directResponse.responseFlags}`;
  return d.destinations.map((x) => `${x.host === d.destinations[0]?.host ? '' : `${x.host}/`}${x.subset ?? '-'}:${x.weight}`).join(' ');
}

describe('resolveRoute with bookinfo samples', () => {
  const allV1 = mesh(bookinfo('virtual-service-all-v1.yaml'));
  it.each(['productpage', 'reviews', 'ratings', 'details'])('virtual-service-all-v1: %s → v1', (name) => {
    expect(resolveRoute(allV1, req({ host: svc(name) }))).toEqual({
      virtualService: `bookinfo/${name}`,
      destinations: [{ host: svc(name), subset: 'v1', weight: 100 }],
      retries: DEFAULT_RETRIES,
    });
  });

  it('virtual-service-all-v1 does not apply to a same-named service in another namespace', () => {
    expect(resolveRoute(allV1, req({ host: svc('reviews', 'other') }))).toEqual({
      destinations: [{ host: svc('reviews', 'other'), weight: 100 }],
      retries: DEFAULT_RETRIES,
    });
  });

  it.each([
    ['virtual-service-reviews-80-20.yaml', 'v1:80 v2:20'],
    ['virtual-service-reviews-90-10.yaml', 'v1:90 v2:10'],
    ['virtual-service-reviews-v2-v3.yaml', 'v2:50 v3:50'],
    ['virtual-service-reviews-50-v3.yaml', 'v1:50 v3:50'],
    ['virtual-service-reviews-v3.yaml', 'v3:100'],
  ])('%s splits reviews %s', (file, want) => {
    expect(split(resolveRoute(mesh(bookinfo(file)), req()))).toBe(want);
  });

  it.each([
    ['virtual-service-reviews-test-v2.yaml', { 'end-user': 'jason' }, 'v2:100'],
    ['virtual-service-reviews-test-v2.yaml', { 'End-User': 'jason' }, 'v2:100'],
    ['virtual-service-reviews-test-v2.yaml', { 'end-user': 'Jason' }, 'v1:100'],
    ['virtual-service-reviews-test-v2.yaml', { 'end-user': 'jason2' }, 'v1:100'],
    ['virtual-service-reviews-test-v2.yaml', {}, 'v1:100'],
    ['virtual-service-reviews-jason-v2-v3.yaml', { 'end-user': 'jason' }, 'v2:100'],
    ['virtual-service-reviews-jason-v2-v3.yaml', { 'end-user': 'alice' }, 'v3:100'],
  ])('%s with headers %j → %s', (file, headers, want) => {
    expect(split(resolveRoute(mesh(bookinfo(file)), req({ headers })))).toBe(want);
  });

  it.each([
    ['virtual-service-ratings-test-abort.yaml', { 'end-user': 'jason' }, { abort: { percent: 100, httpStatus: 500 } }],
    ['virtual-service-ratings-test-abort.yaml', { 'end-user': 'alice' }, undefined],
    ['virtual-service-ratings-test-delay.yaml', { 'end-user': 'jason' }, { delay: { percent: 100, fixedDelayMs: 7000 } }],
    ['virtual-service-ratings-test-delay.yaml', {}, undefined],
  ])('%s with headers %j injects %j', (file, headers, fault) => {
    const d = resolveRoute(mesh(bookinfo(file)), req({ host: svc('ratings'), headers }));
    expect(d.fault).toEqual(fault);
    expect(split(d)).toBe('v1:100');
  });

  describe('bookinfo-gateway.yaml', () => {
    const config = mesh(bookinfo('bookinfo-gateway.yaml'), bookinfo('virtual-service-all-v1.yaml'));
    const viaGateway = (path: string, gateway = 'bookinfo/bookinfo-gateway') =>
      resolveRoute(config, req({ viaGateway: gateway, sourceNamespace: 'istio-system', sourceLabels: { istio: 'ingressgateway' }, host: 'bookinfo.example.com', port: 8080, path }));

    it.each(['/productpage', '/productpage?u=normal', '/static/css/style.css', '/login', '/logout', '/api/v1/products/0/reviews'])(
      '%s → productpage:9080',
      (path) => {
        expect(viaGateway(path)).toEqual({
          virtualService: 'bookinfo/bookinfo',
          destinations: [{ host: svc('productpage'), port: 9080, weight: 100 }],
          retries: DEFAULT_RETRIES,
        });
      },
    );

    it.each(['/productpage/extra', '/ProductPage', '/reviews', '/'])('%s → 404 NR from the gateway', (path) => {
      expect(viaGateway(path)).toEqual({ virtualService: 'bookinfo/bookinfo', destinations: [], directResponse: { status: 404, responseFlags: 'NR' } });
    });

    it('a gateway no VirtualService binds to answers 404 NR', () => {
      expect(viaGateway('/productpage', 'istio-system/other-gateway')).toEqual({ destinations: [], directResponse: { status: 404, responseFlags: 'NR' } });
    });

    it('sidecars ignore the gateway-bound VirtualService', () => {
      expect(resolveRoute(config, req({ host: svc('productpage'), path: '/productpage' })).virtualService).toBe('bookinfo/productpage');
    });
  });
});

const twoRoutes = (match: string, host = 'reviews') => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: r }
spec:
  hosts: [${host}]
  http:
  - match:
${match}
    route: [{ destination: { host: reviews, subset: hit } }]
  - route: [{ destination: { host: reviews, subset: miss } }]
`;

describe('resolveRoute matches requests the way Envoy does', () => {
  it.each([
    ['header exact', '    - headers: { x-user: { exact: jason } }', { headers: { 'x-user': 'jason' } }, 'hit'],
    ['header prefix', '    - headers: { x-user: { prefix: ja } }', { headers: { 'x-user': 'jason' } }, 'hit'],
    ['header regex is a full match', '    - headers: { x-user: { regex: "ja.*" } }', { headers: { 'x-user': 'jason' } }, 'hit'],
    ['header regex substring does not match', '    - headers: { x-user: { regex: "aso" } }', { headers: { 'x-user': 'jason' } }, 'miss'],
    ['header RE2 (?i) flag', '    - headers: { x-user: { regex: "(?i)JASON" } }', { headers: { 'x-user': 'jason' } }, 'hit'],
    ['header presence {}', '    - headers: { x-canary: {} }', { headers: { 'x-canary': '' } }, 'hit'],
    ['header presence {} absent', '    - headers: { x-canary: {} }', {}, 'miss'],
    ['header regex "*" is presence', '    - headers: { x-canary: { regex: "*" } }', { headers: { 'x-canary': 'no' } }, 'hit'],
    ['header exact on a missing header', '    - headers: { x-user: { exact: "" } }', {}, 'miss'],
    ['withoutHeaders, header absent', '    - withoutHeaders: { x-user: { exact: jason } }', {}, 'hit'],
    ['withoutHeaders, header matches', '    - withoutHeaders: { x-user: { exact: jason } }', { headers: { 'x-user': 'jason' } }, 'miss'],
    ['withoutHeaders, other value', '    - withoutHeaders: { x-user: { exact: jason } }', { headers: { 'x-user': 'bob' } }, 'hit'],
    ['withoutHeaders presence, present', '    - withoutHeaders: { x-debug: {} }', { headers: { 'x-debug': '1' } }, 'miss'],
    ['withoutHeaders presence, absent', '    - withoutHeaders: { x-debug: {} }', {}, 'hit'],
    ['withoutHeaders treats a missing header as empty', '    - withoutHeaders: { x-user: { regex: ".*" } }', {}, 'miss'],
    ['uri exact ignores the query', '    - uri: { exact: /ratings }', { path: '/ratings?x=1' }, 'hit'],
    ['uri exact is case-sensitive', '    - uri: { exact: /ratings }', { path: '/Ratings' }, 'miss'],
    ['ignoreUriCase exact', '    - { uri: { exact: /ratings }, ignoreUriCase: true }', { path: '/RATINGS' }, 'hit'],
    ['ignoreUriCase leaves regex alone', '    - { uri: { regex: "/ratings/[0-9]+" }, ignoreUriCase: true }', { path: '/RATINGS/1' }, 'miss'],
    ['uri regex', '    - uri: { regex: "/ratings/[0-9]+" }', { path: '/ratings/42' }, 'hit'],
    ['uri prefix', '    - uri: { prefix: /api }', { path: '/apis' }, 'hit'],
    ['method', '    - method: { exact: POST }', { method: 'post' }, 'hit'],
    ['method mismatch', '    - method: { exact: POST }', { method: 'GET' }, 'miss'],
    ['authority from the host header', '    - authority: { prefix: reviews }', { headers: { host: 'reviews:9080' } }, 'hit'],
    ['queryParams exact', '    - queryParams: { u: { exact: test } }', { path: '/p?u=test&x=1' }, 'hit'],
    ['queryParams exact mismatch', '    - queryParams: { u: { exact: test } }', { path: '/p?u=normal' }, 'miss'],
    ['conditions in one entry are ANDed', '    - { headers: { x-user: { exact: jason } }, uri: { prefix: /a } }', { headers: { 'x-user': 'jason' }, path: '/b' }, 'miss'],
    ['entries are ORed', '    - headers: { x-user: { exact: jason } }\n    - uri: { prefix: /a }', { path: '/a' }, 'hit'],
    ['port', '    - port: 9080', { port: 9080 }, 'hit'],
    ['other port', '    - port: 9080', { port: 9081 }, 'miss'],
    ['sourceNamespace', '    - sourceNamespace: frontend', { sourceNamespace: 'frontend' }, 'hit'],
    ['sourceNamespace mismatch', '    - sourceNamespace: frontend', {}, 'miss'],
    ['sourceLabels', '    - sourceLabels: { app: productpage }', {}, 'hit'],
    ['sourceLabels mismatch', '    - sourceLabels: { app: productpage, version: v2 }', {}, 'miss'],
  ])('%s', (_label, match, over, subset) => {
    expect(resolveRoute(mesh(inline(twoRoutes(match))), req(over)).destinations).toEqual([{ host: svc('reviews'), subset, weight: 100 }]);
  });

  it('istio/api example 13: jason AND /ratings/v2/ ignoring case; anything else finds no route (404 NR)', () => {
    const config = mesh(place(docs('istio-api-doc-examples/virtual_service.examples.yaml', 13), 'prod'));
    const r = (headers: Record<string, string>, path: string) => split(resolveRoute(config, req({ host: svc('ratings', 'prod'), headers, path })));
    expect(r({ 'end-user': 'jason' }, '/RATINGS/v2/1')).toBe('-:100');
    expect(r({ 'end-user': 'jason' }, '/ratings/v1/1')).toBe('404 NR');
    expect(r({}, '/ratings/v2/1')).toBe('404 NR');
  });

  it('istio/api example 25: a VirtualService whose only route excludes this client by sourceLabels does not own the host for it', () => {
    const config = mesh(place(docs('istio-api-doc-examples/virtual_service.examples.yaml', 25), 'prod'));
    const prod = resolveRoute(config, req({ host: svc('reviews', 'prod'), sourceLabels: { env: 'prod' } }));
    expect(prod).toMatchObject({ virtualService: 'prod/reviews-route', destinations: [{ subset: 'v1', weight: 100 }], fault: { delay: { percent: 0.1, fixedDelayMs: 5000 } } });
    expect(resolveRoute(config, req({ host: svc('reviews', 'prod'), sourceLabels: { env: 'dev' } }))).toEqual({
      destinations: [{ host: svc('reviews', 'prod'), weight: 100 }],
      retries: DEFAULT_RETRIES,
    });
  });

  it.each([['mesh', undefined, 'v1:100'], ['the gateway', 'bookinfo/bookinfo-gateway', 'v2:100']])('match.gateways: %s takes its own route', (_label, viaGateway, want) => {
    const config = mesh(inline(`
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: reviews }
spec:
  hosts: [reviews]
  gateways: [mesh, bookinfo/bookinfo-gateway]
  http:
  - match: [{ gateways: [mesh], sourceLabels: { app: nobody } }]
    route: [{ destination: { host: reviews, subset: v1 } }]
  - match: [{ gateways: [./bookinfo-gateway] }]
    route: [{ destination: { host: reviews, subset: v2 } }]
`));
    expect(split(resolveRoute(config, req({ viaGateway })))).toBe(want);
  });
});

const hostVs = (name: string, hosts: string, subset: string, gateways = '') => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name} }
spec:
  hosts: ${hosts}
  ${gateways}
  http:
  - route: [{ destination: { host: reviews.bookinfo.svc.cluster.local, subset: ${subset} } }]
`;

describe('resolveRoute picks the VirtualService Istio would', () => {
  it.each([
    ['short name in the VS namespace', hostVs('a', '[reviews]', 'x'), 'bookinfo', svc('reviews'), 'bookinfo/a'],
    ['short name from another namespace', hostVs('a', '[reviews]', 'x'), 'other', svc('reviews'), undefined],
    ['FQDN from another namespace', hostVs('a', '[reviews.bookinfo.svc.cluster.local]', 'x'), 'other', svc('reviews'), 'other/a'],
    ['a dotted short name is not completed', hostVs('a', '[reviews.bookinfo]', 'x'), 'bookinfo', svc('reviews'), undefined],
    ['wildcard', hostVs('a', '["*.bookinfo.svc.cluster.local"]', 'x'), 'other', svc('ratings'), 'other/a'],
    ['wildcard, other namespace', hostVs('a', '["*.bookinfo.svc.cluster.local"]', 'x'), 'other', svc('ratings', 'other'), undefined],
    ['gateway-only VS leaves sidecars alone', hostVs('a', '[reviews]', 'x', 'gateways: [bookinfo-gateway]'), 'bookinfo', svc('reviews'), undefined],
    ['mesh listed with a gateway', hostVs('a', '[reviews]', 'x', 'gateways: [bookinfo-gateway, mesh]'), 'bookinfo', svc('reviews'), 'bookinfo/a'],
  ])('%s', (_label, yaml, namespace, host, want) => {
    expect(resolveRoute(mesh(inline(yaml, namespace)), req({ host })).virtualService).toBe(want);
  });

  it.each([
    ['the exact host beats an older wildcard', [inline(hostVs('wild', '["*.svc.cluster.local"]', 'w'), 'bookinfo', '2020-01-01T00:00:00Z'), inline(hostVs('exact', '[reviews]', 'e'), 'bookinfo', '2024-01-01T00:00:00Z')], 'bookinfo/exact'],
    ['the longer wildcard beats the shorter', [inline(hostVs('short', '["*.cluster.local"]', 's')), inline(hostVs('long', '["*.bookinfo.svc.cluster.local"]', 'l'))], 'bookinfo/long'],
    ['"*" loses to any other match', [inline(hostVs('star', '["*"]', 's')), inline(hostVs('wild', '["*.local"]', 'w'))], 'bookinfo/wild'],
  ])('%s', (_label, groups, want) => {
    expect(resolveRoute(mesh(...groups), req()).virtualService).toBe(want);
  });

  describe('istio-analyzer virtualservice_conflictingmeshgatewayhosts.yaml', () => {
    const file = 'istio-analyzer-testdata/virtualservice_conflictingmeshgatewayhosts.yaml';
    const stamped = (times: Record<string, string>) =>
      mesh(docs(file).map((o) => {
        const obj = o as { metadata: { name: string; namespace: string } };
        const at = times[`${obj.metadata.namespace}/${obj.metadata.name}`];
        return at ? { ...obj, metadata: { ...obj.metadata, creationTimestamp: at } } : obj;
      }));
    const decide = (config: MeshConfig, host: string, viaGateway?: string) => {
      const d = resolveRoute(config, req({ host, viaGateway }));
      return `${d.virtualService} → ${d.destinations.map((x) => x.host).join(',') || split(d)}`;
    };

    it.each([
      ['same age: the name decides', {}, svc('productpage', 'foo'), undefined, 'foo/bogus-productpage → reviews.foo.svc.cluster.local'],
      ['the older one wins', { 'foo/productpage': '2024-01-01T00:00:00Z', 'foo/bogus-productpage': '2024-01-02T00:00:00Z' }, svc('productpage', 'foo'), undefined, 'foo/productpage → productpage.foo.svc.cluster.local'],
      ['same age and name: the namespace decides', {}, svc('ratings', 'foo'), undefined, 'bar/ratings → ratings.bar.svc.cluster.local'],
      ['older beats namespace order', { 'foo/ratings': '2024-01-01T00:00:00Z', 'bar/ratings': '2024-01-02T00:00:00Z' }, svc('ratings', 'foo'), undefined, 'foo/ratings → ratings.foo.svc.cluster.local'],
      ['sidecar: the gateway-only VS does not count', {}, svc('reviews', 'foo'), undefined, 'foo/reviews → reviews.foo.svc.cluster.local'],
      ['gateway: short destinations are relative to the VS', {}, svc('reviews', 'foo'), 'bar/istio-ingressgateway', 'bar/reviews → reviews.bar.svc.cluster.local'],
      ['exportTo is ignored', {}, svc('ratings', 'team3'), undefined, 'team3/ratings → ratings.team3.svc.cluster.local'],
    ])('%s', (_label, times, host, viaGateway, want) => {
      expect(decide(stamped(times), host, viaGateway)).toBe(want);
    });
  });

  const pathVs = (name: string, prefix: string, subset: string, gateways: string, createdAt: string) =>
    inline(`
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name} }
spec:
  hosts: ["*"]
  ${gateways}
  http:
  - match: [{ uri: { prefix: ${prefix} } }]
    route: [{ destination: { host: reviews, subset: ${subset} } }]
`, 'bookinfo', createdAt);

  it.each([
    ['a gateway merges VirtualServices for one host, oldest first', 'bookinfo/bookinfo-gateway', '/b', 'newer'],
    ['…and the older one matches first', 'bookinfo/bookinfo-gateway', '/a', 'older'],
    ['a sidecar keeps only the oldest', undefined, '/b', '404 NR'],
  ])('%s', (_label, viaGateway, path, want) => {
    const gateways = viaGateway ? 'gateways: [bookinfo-gateway]' : '';
    const config = mesh(pathVs('z-older', '/a', 'older', gateways, '2024-01-01T00:00:00Z'), pathVs('a-newer', '/', 'newer', gateways, '2024-01-02T00:00:00Z'));
    const d = resolveRoute(config, req({ viaGateway, path }));
    expect(d.directResponse ? split(d) : d.destinations[0]?.subset).toBe(want);
  });
});

const routeVs = (route: string) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: reviews }
spec:
  hosts: [reviews]
  http:
  - ${route}
`;

describe('resolveRoute reads weights, faults, timeouts and retries', () => {
  it.each([
    ['a lone destination takes everything', 'route: [{ destination: { host: reviews, subset: v1 } }]', 'v1:100'],
    ['even with weight 0', 'route: [{ destination: { host: reviews, subset: v1 }, weight: 0 }]', 'v1:100'],
    ['a missing weight among several is 0', 'route: [{ destination: { host: reviews, subset: v1 }, weight: 30 }, { destination: { host: reviews, subset: v2 } }]', 'v1:100'],
    ['weights are proportions', 'route: [{ destination: { host: reviews, subset: v1 }, weight: 1 }, { destination: { host: reviews, subset: v2 }, weight: 3 }]', 'v1:25 v2:75'],
    ['all weights 0: no cluster', 'route: [{ destination: { host: reviews, subset: v1 } }, { destination: { host: reviews, subset: v2 } }]', '503 NC'],
    ['directResponse', 'directResponse: { status: 418 }', '418 -'],
    ['redirect defaults to 301', 'redirect: { uri: /elsewhere }', '301 -'],
  ])('%s', (_label, route, want) => {
    expect(split(resolveRoute(mesh(inline(routeVs(route))), req()))).toBe(want);
  });

  it('istio/api example 16: weights between two external hosts, names with dots kept', () => {
    const d = resolveRoute(mesh(place(docs('istio-api-doc-examples/virtual_service.examples.yaml', 16), 'default')), req({ host: 'reviews.com' }));
    expect(d.destinations).toEqual([{ host: 'dev.reviews.com', weight: 25 }, { host: 'reviews.com', weight: 75 }]);
  });

  it.each([
    ['istio/api example 26: 0.1 % aborts with 400', docs('istio-api-doc-examples/virtual_service.examples.yaml', 26), { abort: { percent: 0.1, httpStatus: 400 } }],
    ['deprecated integer percent on a delay', inline(routeVs('{ fault: { delay: { percent: 20, fixedDelay: 1.5s } }, route: [{ destination: { host: reviews } }] }')), { delay: { percent: 20, fixedDelayMs: 1500 } }],
    ['gRPC abort', inline(routeVs('{ fault: { abort: { percentage: { value: 5 }, grpcStatus: UNAVAILABLE } }, route: [{ destination: { host: reviews } }] }')), { abort: { percent: 5, grpcStatus: 'UNAVAILABLE' } }],
    ['no percentage: no fault', inline(routeVs('{ fault: { abort: { httpStatus: 503 } }, route: [{ destination: { host: reviews } }] }')), undefined],
    ['percentage 0: no fault', inline(routeVs('{ fault: { delay: { percentage: { value: 0 }, fixedDelay: 5s } }, route: [{ destination: { host: reviews } }] }')), undefined],
    ['over 100 is clamped', inline(routeVs('{ fault: { abort: { percentage: { value: 150 }, httpStatus: 503 } }, route: [{ destination: { host: reviews } }] }')), { abort: { percent: 100, httpStatus: 503 } }],
  ])('%s', (_label, objects, fault) => {
    const host = JSON.stringify(objects).includes('ratings.prod') ? svc('ratings', 'prod') : svc('reviews');
    expect(resolveRoute(mesh(place(objects, 'prod')), req({ host })).fault).toEqual(fault);
  });

  it.each([
    ['no retries: Istio default', '{ route: [{ destination: { host: reviews } }] }', DEFAULT_RETRIES],
    ['attempts 0 disables', '{ retries: { attempts: 0 }, route: [{ destination: { host: reviews } }] }', undefined],
    ['retryOn without attempts disables', '{ retries: { retryOn: 5xx }, route: [{ destination: { host: reviews } }] }', undefined],
    ['attempts alone keep the default conditions', '{ retries: { attempts: 5 }, route: [{ destination: { host: reviews } }] }', { ...DEFAULT_RETRIES, attempts: 5 }],
    [
      'status codes in retryOn',
      '{ retries: { attempts: 3, perTryTimeout: 500ms, retryOn: "5xx, 503,reset" }, route: [{ destination: { host: reviews } }] }',
      { attempts: 3, perTryTimeoutMs: 500, retryOn: ['5xx', 'reset', 'retriable-status-codes'], retriableStatusCodes: [503] },
    ],
  ])('%s', (_label, route, retries) => {
    expect(resolveRoute(mesh(inline(routeVs(route))), req()).retries).toEqual(retries);
  });

  it('istio/api example 23: retries replace the default conditions', () => {
    const d = resolveRoute(mesh(place(docs('istio-api-doc-examples/virtual_service.examples.yaml', 23), 'prod')), req({ host: svc('ratings', 'prod') }));
    expect(d.retries).toEqual({ attempts: 3, perTryTimeoutMs: 2000, retryOn: ['gateway-error', 'connect-failure', 'refused-stream'], retriableStatusCodes: [] });
  });

  it.each([
    ['istio/api example 5: a VS in istio-system with an FQDN host', docs('istio-api-doc-examples/virtual_service.examples.yaml', 5), svc('productpage', 'prod'), 5000],
    ['timeout 0s means none', inline(routeVs('{ timeout: 0s, route: [{ destination: { host: reviews } }] }')), svc('reviews'), undefined],
    ['timeout 1.5s', inline(routeVs('{ timeout: 1.5s, route: [{ destination: { host: reviews } }] }')), svc('reviews'), 1500],
  ])('%s', (_label, objects, host, timeoutMs) => {
    expect(resolveRoute(mesh(place(objects, 'istio-system')), req({ host })).timeoutMs).toBe(timeoutMs);
  });
});
