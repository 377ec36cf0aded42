// Istio's analyzer test inputs (../shared/reference/istio-samples/istio-analyzer-testdata). The expected objects
// are those Istio's analyzers_test.go lists for the same file and the matching analyzer; where we differ, the row
// says why. Only the codes of the rule under test are compared, as these files are partial on purpose (no
// Services in a subset test, no DestinationRules in a host test).

import { describe, expect, it } from 'vitest';
import { validateScope } from './index';
import { flat, sampleScope } from '../testing';

const cases: { file: string; codes: string[]; expected: string[] }[] = [
  {
    file: 'virtualservice_destinationrules.yaml',
    codes: ['vs.subset-not-found', 'vs.subset-in-other-namespace'],
    expected: ['VirtualService default/reviews-bogussubset vs.subset-not-found', 'VirtualService default/reviews-mirror-bogussubset vs.subset-not-found'],
  },
  {
    file: 'virtualservice_destinationhosts.yaml',
    codes: ['vs.host-not-found', 'vs.port-not-found', 'vs.port-required', 'schema.invalid'],
    // Istio reports reviews-bogushost twice: the empty `- {}` destination (schema.invalid here) and the bogus host.
    // Not reported, as a Service's exportTo annotation and a VS's own exportTo are not read:
    // cross-namespace-details (Service exported to "banana") and hello-export-to-bogus (VS exportTo a bogus name).
    expected: [
      'VirtualService default/reviews-2port-missing vs.port-required',
      'VirtualService default/reviews-bogushost schema.invalid',
      'VirtualService default/reviews-bogushost vs.host-not-found',
      'VirtualService default/reviews-bogusport vs.port-not-found',
      'VirtualService default/reviews-bookinfo-other vs.host-not-found',
      'VirtualService default/reviews-mirror-bogushost vs.host-not-found',
    ],
  },
  {
    file: 'virtualservice_gateways.yaml',
    codes: ['vs.gateway-not-found'],
    expected: ['VirtualService default/httpbin-bogus vs.gateway-not-found'],
  },
  // A reference to a gateway Istio generates from the Gateway API is another analyzer's matter, not a missing one.
  { file: 'virtualservice_internal_gateway_ref.yaml', codes: ['vs.gateway-not-found'], expected: [] },
  {
    file: 'virtualservice_conflictingmeshgatewayhosts.yaml',
    codes: ['vs.duplicate-host'],
    // bar/ratings clashes twice: with foo/ratings on ratings.foo and with team2/ratings on google.com.
    expected: [
      'VirtualService bar/ratings vs.duplicate-host',
      'VirtualService bar/ratings vs.duplicate-host',
      'VirtualService foo/bogus-productpage vs.duplicate-host',
      'VirtualService foo/productpage vs.duplicate-host',
      'VirtualService foo/ratings vs.duplicate-host',
      'VirtualService team2/ratings vs.duplicate-host',
      'VirtualService team3/ratings vs.duplicate-host',
      'VirtualService team4/ratings vs.duplicate-host',
    ],
  },
  {
    file: 'virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml',
    codes: ['vs.duplicate-host'],
    expected: [
      'VirtualService bar/productpage vs.duplicate-host',
      'VirtualService bar/productpage-c vs.duplicate-host',
      'VirtualService bar/productpage-d vs.duplicate-host',
      'VirtualService foo/productpage vs.duplicate-host',
      'VirtualService foo/productpage-c vs.duplicate-host',
      'VirtualService foo/productpage-d vs.duplicate-host',
    ],
  },
  {
    file: 'destinationrule-subsets-not-select-pods.yaml',
    codes: ['dr.subset-selects-nothing', 'dr.host-not-found'],
    expected: ['DestinationRule default/subsets-not-select-pods dr.subset-selects-nothing'],
  },
  // Node topology labels come from nodes, which the scope does not hold; an empty one never matches.
  { file: 'destinationrule-subsets-with-topology-labels.yaml', codes: ['dr.subset-selects-nothing'], expected: [] },
  {
    file: 'destinationrule-empty-topology-labels.yaml',
    codes: ['dr.subset-selects-nothing'],
    expected: ['DestinationRule default/empty-topology-labels dr.subset-selects-nothing'],
  },
  { file: 'destinationrule-with-fake-host.yaml', codes: ['dr.host-not-found'], expected: ['DestinationRule default/fake-host dr.host-not-found'] },
  {
    file: 'authorizationpolicies.yaml',
    codes: ['authz.namespace-not-found', 'authz.selector-matches-nothing', 'authz.no-workloads-in-namespace'],
    expected: [
      'AuthorizationPolicy httpbin-empty/httpbin-empty-namespace-wide authz.no-workloads-in-namespace',
      'AuthorizationPolicy httpbin/httpbin-bogus-not-ns authz.namespace-not-found',
      'AuthorizationPolicy httpbin/httpbin-bogus-not-ns authz.namespace-not-found',
      'AuthorizationPolicy httpbin/httpbin-bogus-ns authz.namespace-not-found',
      'AuthorizationPolicy httpbin/httpbin-bogus-ns authz.namespace-not-found',
      'AuthorizationPolicy httpbin/httpbin-nopods authz.selector-matches-nothing',
      'AuthorizationPolicy istio-system/meshwide-httpbin-v1 authz.selector-matches-nothing',
      'AuthorizationPolicy test-ambient/no-workload authz.selector-matches-nothing',
    ],
  },
];

describe('Istio analyzer test data', () => {
  it.each(cases)('$file', ({ file, codes, expected }) => {
    expect(flat(validateScope(sampleScope(`istio-analyzer-testdata/${file}`)), codes)).toEqual(expected);
  });

  it('names the missing thing and the field in the finding', () => {
    const results = validateScope(sampleScope('istio-analyzer-testdata/virtualservice_destinationrules.yaml'));
    const mirror = results.find((r) => r.ref.name === 'reviews-mirror-bogussubset')?.findings.find((f) => f.code === 'vs.subset-not-found');
    expect(mirror).toEqual({
      code: 'vs.subset-not-found',
      severity: 'error',
      message: 'subset "bogus" is not defined by any DestinationRule for host "reviews" (reviews.default.svc.cluster.local)',
      path: 'spec.http[0].mirror.subset',
      related: [{ kind: 'DestinationRule', namespace: 'default', name: 'reviews' }],
    });
    expect(results.find((r) => r.ref.name === 'reviews-mirror-bogussubset')?.valid).toBe(false);
  });

  it('puts authorization findings at the offending entry', () => {
    const results = validateScope(sampleScope('istio-analyzer-testdata/authorizationpolicies.yaml'));
    const paths = results.find((r) => r.ref.name === 'httpbin-bogus-ns')?.findings.map((f) => [f.path, f.message]);
    expect(paths).toEqual([
      ['spec.rules[0].from[1].source.namespaces[2]', 'namespace "*-bogus" matches no namespace of the cluster'],
      ['spec.rules[0].from[1].source.namespaces[3]', 'namespace "bogus-*" matches no namespace of the cluster'],
    ]);
  });
});
