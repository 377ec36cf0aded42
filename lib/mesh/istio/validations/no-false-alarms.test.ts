// Istio's own samples must come out clean: Bookinfo's networking files against the Bookinfo deployment, and every
// example of Istio's API reference (../shared/reference/istio-samples).

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScope } from './index';
import { flat, SAMPLES, sampleDocuments, scopeOf } from '../testing';

// The deployment the networking samples assume: Bookinfo plus the extra versions and databases they route to.
const PLATFORM = ['bookinfo.yaml', 'bookinfo-details-v2.yaml', 'bookinfo-ratings-v2.yaml', 'bookinfo-ratings-v2-mysql.yaml',
  'bookinfo-ratings-v2-mysql-vm.yaml', 'bookinfo-db.yaml', 'bookinfo-mysql.yaml'].map((f) => `bookinfo/platform/kube/${f}`);
const NETWORKING = readdirSync(`${SAMPLES}bookinfo/networking`).filter((f) => f.endsWith('.yaml')).sort();
// The samples' VirtualServices name subsets that the task has you apply first from destination-rule-all.yaml.
const RULES = 'bookinfo/networking/destination-rule-all.yaml';

// Findings a sample is meant to leave, because it needs something outside Bookinfo.
const EXCEPTIONS: Record<string, string[]> = {
  // Routes ACME challenges to cert-manager's resolver, a Service cert-manager creates, not the sample.
  'certmanager-gateway.yaml': ['VirtualService istio-system/cert-manager vs.host-not-found'],
};

describe('no false alarms', () => {
  it.each(NETWORKING)('bookinfo/networking/%s', (file) => {
    // The two rule files define the same objects; each is checked on its own.
    const rules = file.startsWith('destination-rule-all') ? [] : [RULES];
    const scope = scopeOf(sampleDocuments(...PLATFORM, ...rules, `bookinfo/networking/${file}`));
    const own = new Set(sampleDocuments(`bookinfo/networking/${file}`).map((d) => JSON.stringify(d.metadata)));
    const results = validateScope(scope, (ref) => [...own].some((m) => m.includes(`"name":"${ref.name}"`)));
    expect(results.length).toBeGreaterThan(0);
    expect(flat(results)).toEqual(EXCEPTIONS[file] ?? []);
  });

  // The examples of all kinds form one scope, as each kind's examples name objects shown under another kind. Three
  // fragments still refer to things the docs never show, and one names its gateway wrongly; those are listed.
  const EXAMPLE_ERRORS = [
    // Gateway istio-egressgateway is in istio-system; a name without namespace means the VS's own (egress).
    'egress/gateway-routing spec.gateways[1] vs.gateway-not-found',
    'egress/gateway-routing spec.http[1].match[0].gateways[0] vs.gateway-not-found',
    // No Gateway `mygateway` appears in any example.
    'default/bookinfo spec.gateways[0] vs.gateway-not-found',
    'default/bookinfo-sni spec.gateways[0] vs.gateway-not-found',
    // The DestinationRule examples for ratings.prod define `testversion` only, not `v1`.
    ...Array.from({ length: 4 }, () => 'default/ratings-route spec.http[0].route[0].destination.subset vs.subset-not-found'),
  ].sort();

  it('istio-api-doc-examples have no other subset, weight or gateway errors', () => {
    const files = readdirSync(`${SAMPLES}istio-api-doc-examples`).filter((f) => f.endsWith('.examples.yaml'));
    const results = validateScope(scopeOf(sampleDocuments(...files.map((f) => `istio-api-doc-examples/${f}`))));
    expect(results.length).toBeGreaterThan(50);
    const errors = results.flatMap((r) =>
      r.findings
        .filter((f) => f.severity === 'error' && ['vs.subset-not-found', 'vs.weights-not-100', 'vs.gateway-not-found'].includes(f.code))
        .map((f) => `${r.ref.namespace}/${r.ref.name} ${f.path} ${f.code}`),
    );
    expect(errors.sort()).toEqual(EXAMPLE_ERRORS);
  });
});
