// Kiali's validation test inputs (../shared/reference/istio-samples/kiali-validation-testdata/validations). Kiali's
// subset-presence tests expect findings for the "no-matching" files and none for the "matching" ones; ours differ
// where Istio differs from Kiali, as each row says.

import { describe, expect, it } from 'vitest';
import { validateScope } from './index';
import { flat, sampleScope, scopeOf, sampleDocuments } from '../testing';

const SUBSET_CODES = ['vs.subset-not-found', 'vs.subset-in-other-namespace'];
const VS = 'VirtualService bookinfo/reviews-vs';

const subsetCases: { file: string; expected: string[] }[] = [
  { file: 'subset-presence-matching-subsets-1.yaml', expected: [] },
  { file: 'subset-presence-matching-subsets-2.yaml', expected: [] },
  // DRs exported elsewhere: each destination's own namespace holds the DR defining its subset, which Istio uses.
  { file: 'subset-presence-export-subset.yaml', expected: [] },
  { file: 'subset-presence-service-entry.yaml', expected: [] },
  { file: 'subset-presence-not-referenced.yaml', expected: [] },
  // The DR for `reviews` lives in diff-ns, so its short host is reviews.diff-ns, not the VS's reviews.bookinfo.
  { file: 'subset-presence-matching-subsets-diff-ns.yaml', expected: [`${VS} vs.subset-not-found`, `${VS} vs.subset-not-found`] },
  { file: 'subset-presence-no-matching-subsets-1.yaml', expected: [`${VS} vs.subset-not-found`, `${VS} vs.subset-not-found`] },
  { file: 'subset-presence-no-matching-subsets-2.yaml', expected: [`${VS} vs.subset-not-found`, `${VS} vs.subset-not-found`] },
  { file: 'subset-presence-no-matching-subsets-3.yaml', expected: [`${VS} vs.subset-not-found`, `${VS} vs.subset-not-found`] },
  { file: 'subset-presence-no-matching-export-subset.yaml', expected: [`${VS} vs.subset-not-found`, `${VS} vs.subset-not-found`] },
  {
    file: 'subset-presence-service-entry-invalid.yaml',
    expected: ['VirtualService istio-trials/orahub-vs-bogus vs.subset-not-found', 'VirtualService istio-trials/orahub-vs-bogus vs.subset-not-found'],
  },
  {
    file: 'subset-presence-wrongly-referenced.yaml',
    expected: ['VirtualService bookinfo/testvs vs.subset-not-found', 'VirtualService bookinfo/testvs vs.subset-not-found'],
  },
  // v3 and v4 are defined by no DR (Kiali uses this file for its DR checker, where nothing is wrong).
  {
    file: 'subset-presence-matching-not-referenced.yaml',
    expected: ['VirtualService bookinfo/testvs vs.subset-not-found', 'VirtualService bookinfo/testvs vs.subset-not-found'],
  },
  // Kiali expands `reviews.bookinfo` to the service FQDN; Istio takes a dotted host as written, so the DR for
  // `reviews` (reviews.bookinfo.svc.cluster.local) does not cover it. Kiali expects nothing in these three.
  { file: 'subset-presence-referenced.yaml', expected: ['VirtualService bookinfo/testvs vs.subset-not-found'] },
  { file: 'subset-presence-matching-subsets-half-fqdn.yaml', expected: [`${VS} vs.subset-not-found`, `${VS} vs.subset-not-found`] },
  // And a DR in diff-ns is used by clients in diff-ns only (pilot looks in the client's, the service's and the root
  // namespace): a warning rather than Kiali's silence, and an error for the half-FQDN host no DR there covers.
  { file: 'subset-presence-matching-subsets-diff-ns-half-fqdn.yaml', expected: [`${VS} vs.subset-in-other-namespace`, `${VS} vs.subset-not-found`] },
  { file: 'subset-presence-matching-subsets-diff-ns-fqdn.yaml', expected: [`${VS} vs.subset-in-other-namespace`, `${VS} vs.subset-in-other-namespace`] },
];

const MTLS = ['mtls.strict-with-disable'];

// Only the mesh-wide STRICT policy with a DISABLE rule is a conflict; the others pair DISABLE with DISABLE or
// PERMISSIVE, or (peerauthentications/) disable the server side, which Kiali checks and this rule does not.
const mtlsCases: { file: string; expected: string[] }[] = [
  { file: 'destinationrules/disabled_meshwide_checker_1.yaml', expected: [] },
  { file: 'destinationrules/disabled_meshwide_checker_2.yaml', expected: ['DestinationRule bookinfo/disable-mesh-mtls mtls.strict-with-disable'] },
  { file: 'destinationrules/disabled_meshwide_checker_3.yaml', expected: [] },
  { file: 'destinationrules/disabled_meshwide_checker_4.yaml', expected: [] },
  { file: 'destinationrules/no-subset-labels-checker.yaml', expected: [] },
  ...['meshwide_checker_1', 'meshwide_checker_2', 'meshwide_checker_3'].map((f) => ({ file: `peerauthentications/disabled_${f}.yaml`, expected: [] })),
  // _6: the namespace's DISABLE policy is more specific than the mesh's STRICT one, so bookinfo's DISABLE rule fits.
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ file: `peerauthentications/disabled_namespacewide_checker_${n}.yaml`, expected: [] })),
];

describe('Kiali validation test data', () => {
  it.each(subsetCases)('subsets: $file', ({ file, expected }) => {
    expect(flat(validateScope(sampleScope(`kiali-validation-testdata/validations/virtualservices/${file}`)), SUBSET_CODES)).toEqual(expected);
  });

  it('puts subset findings at the destination that names the subset', () => {
    const results = validateScope(sampleScope('kiali-validation-testdata/validations/virtualservices/subset-presence-service-entry-invalid.yaml'));
    const paths = results.flatMap((r) => r.findings.filter((f) => f.code === 'vs.subset-not-found').map((f) => f.path));
    expect(paths).toEqual(['spec.http[1].route[0].destination.subset', 'spec.tls[1].route[0].destination.subset']);
  });

  it.each(mtlsCases)('mTLS: $file', ({ file, expected }) => {
    expect(flat(validateScope(sampleScope(`kiali-validation-testdata/validations/${file}`)), MTLS)).toEqual(expected);
  });

  it('names the STRICT PeerAuthentication behind an mTLS conflict', () => {
    const results = validateScope(sampleScope('kiali-validation-testdata/validations/destinationrules/disabled_meshwide_checker_2.yaml'));
    const f = results.flatMap((r) => r.findings).find((x) => x.code === 'mtls.strict-with-disable');
    expect(f?.path).toBe('spec.trafficPolicy.tls.mode');
    expect(f?.related).toEqual([{ kind: 'PeerAuthentication', namespace: 'istio-system', name: 'disable-mesh-mtls' }]);
  });

  // Kiali's tests supply the `valid-gateway` Gateway themselves; the files hold only the VirtualService.
  it.each([
    ['non-existent-gateway-in-match.yaml', 'non-existent-bookinfo-gateway'],
    ['non-existent-ns-gateway-in-match.yaml', 'istio-system/non-existent-bookinfo-gateway'],
  ])('gateways in matches: %s', (file, missing) => {
    const gateway = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'valid-gateway', namespace: 'default' }, spec: {} };
    const scope = scopeOf([...sampleDocuments(`kiali-validation-testdata/validations/virtualservices/${file}`), gateway]);
    const found = validateScope(scope).flatMap((r) => r.findings.filter((f) => f.code === 'vs.gateway-not-found'));
    expect(found.map((f) => [f.path, f.message.split(' names')[0]])).toEqual([['spec.http[1].match[0].gateways[1]', `gateway "${missing}"`]]);
  });
});
