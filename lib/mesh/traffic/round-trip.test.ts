// Round trips over every VirtualService of Istio's and Kiali's samples: what the form can represent is written back
// unchanged when nothing is edited, and a moved weight changes exactly two weights.

import { describe, expect, it } from 'vitest';
import { list, record } from '../istio/read';
import { planTrafficObjects } from './plan-objects';
import { readTrafficModel } from './read-model';
import { changedPaths, editOf, inputFor, resourceOf, sampleVirtualServices } from './testing';

const samples = sampleVirtualServices();
const read = samples.map((s) => ({ sample: s, ...inputFor(s), model: readTrafficModel(inputFor(s).input) }));
const representable = read.filter((r) => r.model.unsupported.length === 0);


describe('the reference VirtualServices', () => {
  it('are all read, and the form represents a good part of them', () => {
    console.info(`traffic round trip: ${samples.length} VirtualServices read, ${representable.length} representable`);
    expect(samples.length).toBe(59);
    expect(representable.length).toBe(32);
  });

  it.each(representable.map((r) => [r.sample.source, r] as const))('%s: an unchanged edit writes nothing', (_, r) => {
    const plan = planTrafficObjects({ model: r.model, liveVirtualService: r.sample.live, liveDestinationRule: r.liveDestinationRule, edit: editOf(r.model) });
    expect(plan).toEqual({ vsAction: 'unchanged', drAction: 'unchanged' });
  });

  const splits = representable.filter((r) => r.model.routes.length >= 2);
  it('has enough weighted splits to round-trip', () => {
    console.info(`traffic round trip: ${splits.length} weighted splits round-tripped`);
    expect(splits.length).toBe(11);
  });

  it.each(splits.map((r) => [r.sample.source, r] as const))('%s: moving 10 of weight changes exactly those two weights', (_, r) => {
    const edit = editOf(r.model);
    const [first, second] = edit.routes;
    if (!first || !second) throw new Error('split without two destinations');
    // From the first to the second, or back when the first has nothing to give.
    const moved = Math.min(10, first.weight) || -Math.min(10, second.weight);
    first.weight -= moved;
    second.weight += moved;
    const plan = planTrafficObjects({ model: r.model, liveVirtualService: r.sample.live, liveDestinationRule: r.liveDestinationRule, edit });
    expect(plan.vsAction).toBe('update');
    const at = `spec.http[${list(record(r.sample.live.spec)?.http).length - 1}].route`;
    const expected = [`${at}[0].weight`, `${at}[1].weight`, ...(r.sample.live.apiVersion === 'networking.istio.io/v1' ? [] : ['apiVersion'])];
    expect(changedPaths(r.sample.live, plan.virtualService)).toEqual(expected.sort());
    // Reading back what was written gives the edit.
    const again = readTrafficModel({ ...r.input, virtualServices: [resourceOf(plan.virtualService ?? {})] });
    expect(again.routes).toEqual(edit.routes);
    expect(again.unsupported).toEqual([]);
  });
});

describe('what the form cannot represent', () => {
  const reasons = (source: string) => read.find((r) => r.sample.source === source)?.model.unsupported ?? ['(no such sample)'];

  it('leaves the YAML editor to every other VirtualService, with reasons', () => {
    for (const r of read.filter((x) => x.model.unsupported.length > 0)) expect(r.model.unsupported.every((m) => m.length > 10)).toBe(true);
  });

  it.each([
    ['bookinfo/networking/bookinfo-gateway.yaml#0', ['routes hosts other than * (*)', 'applies to gateways other than the mesh (bookinfo-gateway)', 'spec.http[0].match lists 5 alternatives']],
    ['bookinfo/networking/virtual-service-ratings-test-delay.yaml#0', ['spec.http[0] injects faults of its own (the form sets them on the default route only) (fault)']],
    ['bookinfo/networking/fault-injection-details-v1.yaml#0', ['spec.http[0] has no match but is not the last route, so the routes after it are never used']],
    ['kiali-integration-assets/bookinfo-tcp-traffic-shifting-reviews.yaml#0', ['has TCP routes, which the form does not edit (spec.tcp)']],
    ['kiali-integration-assets/bookinfo-ext-service-entry.yaml#0', ['spec.http[0].route[1].destination sends traffic to another host (foo.bookinfo.ext)']],
    ['istio-api-doc-examples/virtual_service.examples.yaml#7', ['spec.http[0] changes request or response headers (headers)', 'spec.http[0].route[1] changes request or response headers (headers)']],
    ['istio-api-doc-examples/virtual_service.examples.yaml#10', ['spec.http[0].match[0] ignores the URI case (ignoreUriCase)']],
    ['istio-api-doc-examples/virtual_service.examples.yaml#13', ['spec.http[0] redirects requests (redirect)']],
    ['istio-api-doc-examples/virtual_service.examples.yaml#14', ['spec.http[0] rewrites the request (rewrite)']],
    ['istio-api-doc-examples/virtual_service.examples.yaml#16', ['spec.http[0] sets a CORS policy (corsPolicy)']],
    ['istio-api-doc-examples/virtual_service.examples.yaml#17', ['spec.http[0].match[0] matches on the source workload (sourceLabels)']],
    ['kiali-frontend-testdata/virtualService.yaml#0', ['spec.http[0].route[0].destination has no host', 'spec.http[3].route[0].weight is not a whole number ("25a")']],
  ] as const)('%s', (source, expected) => {
    const got = reasons(source);
    for (const e of expected) expect(got.some((m) => m.includes(e)), `${JSON.stringify(got)} should mention ${e}`).toBe(true);
  });
});
