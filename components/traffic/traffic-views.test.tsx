import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/fetch-json';
import { authKeys } from '@/lib/api/auth';
import { trafficKeys } from '@/lib/api/traffic';
import type { ChangeRecord, TrafficModel } from '@/lib/mesh/traffic/types';
import { ApplyResult } from './apply-result';
import { HistorySection } from './history-section';
import { editCheck, ManageTab } from './manage-tab';
import { describeProblem } from './pipeline';
import { ProblemView } from './problem-view';
import { RoutingForm } from './routing-form';
import { ShiftingForm } from './shifting-form';
import { dryRunResult, RECORD, reviewsModel } from './test-model';

// Server-rendered markup: the forms' first render, with queries answered from a seeded cache or left pending.
function render(node: ReactNode, seed: (client: QueryClient) => void = () => undefined): string {
  const client = new QueryClient();
  seed(client);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

const noop = () => undefined;
const seedModel = (model: TrafficModel, allowed?: boolean) => (client: QueryClient) => {
  client.setQueryData(trafficKeys.model('bookinfo', 'reviews'), model);
  if (allowed !== undefined) client.setQueryData(authKeys.canI(editCheck('bookinfo')), { allowed });
};
const manage = (section: 'shifting' | 'routing' | 'history' = 'shifting') => <ManageTab namespace="bookinfo" service="reviews" section={section} onSection={noop} />;

describe('ShiftingForm', () => {
  it('has a labelled slider and number per version, the live weights, and Apply off until a preview', () => {
    const out = render(<ShiftingForm model={reviewsModel()} />);
    expect(out).toContain('<form aria-label="Traffic shifting"');
    for (const [v, w] of [['v1', 100], ['v2', 0], ['v3', 0]] as const) {
      expect(out).toMatch(new RegExp(`type="range"[^>]*aria-label="Weight of ${v} \\(slider\\)"[^>]*value="${w}"`));
      expect(out).toMatch(new RegExp(`type="number"[^>]*aria-label="Weight of ${v} in %"[^>]*value="${w}"`));
    }
    expect(out).toMatch(/Total: <span[^>]*>100%<\/span>/);
    expect(out).toMatch(/<button type="submit"[^>]*>Preview changes</);
    expect(out).toMatch(/<button type="button"[^>]*disabled=""[^>]*title="Preview the change first">Apply</);
    expect(out).toContain('>All to v2<');
  });

  it('says in words when the weights do not add up, and holds the preview back', () => {
    const out = render(<ShiftingForm model={reviewsModel({ routes: [{ subset: 'v1', weight: 90 }] })} />);
    expect(out).toContain('The weights add up to 90%; they must add up to 100%.');
    expect(out).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Preview changes</);
    expect(out).toContain('Fix the problem marked above to preview.');
  });

  it('says when there is nothing to shift between', () => {
    expect(render(<ShiftingForm model={reviewsModel({ versions: [], routes: [] })} />)).toContain('nothing to shift traffic between');
  });
});

describe('RoutingForm', () => {
  const model = reviewsModel({
    rules: [
      { name: 'jason', match: [{ kind: 'header', name: 'end-user', match: 'exact', value: 'jason' }], route: [{ subset: 'v2', weight: 100 }] },
      { match: [{ kind: 'uri', match: 'prefix', value: '/api' }], route: [{ subset: 'v3', weight: 100 }] },
    ],
  });
  const out = render(<RoutingForm model={model} />);

  it('lists the rules in order with buttons to move and remove each, the ends disabled', () => {
    expect(out).toMatch(/<li[^>]*aria-label="Rule 1">/);
    expect(out).toMatch(/disabled=""[^>]*aria-label="Move Rule 1 up"/);
    expect(out).not.toMatch(/disabled=""[^>]*aria-label="Move Rule 1 down"/);
    expect(out).toMatch(/disabled=""[^>]*aria-label="Move Rule 2 down"/);
    expect(out).toContain('aria-label="Remove Rule 2"');
  });

  it('shows the conditions and destinations as labelled fields', () => {
    expect(out).toMatch(/<label[^>]*>Header name<\/label><input[^>]*value="end-user"/);
    expect(out).toMatch(/<label[^>]*>Value<\/label><input[^>]*value="\/api"/);
    expect(out).toMatch(/<option value="v2" selected="">v2<\/option>/);
  });
});

describe('pipeline views', () => {
  it('shows each object with its action and diff, and the findings', () => {
    const out = render(<ApplyResult result={dryRunResult()} label="Preview of the changes" />);
    expect(out).toContain('<h4 class="text-sm font-semibold">VirtualService reviews would be updated</h4>');
    expect(out).toContain('aria-label="Changes to VirtualService reviews"');
    expect(out).toContain('weight: 50');
    expect(out).toContain('DestinationRule reviews stays as it is');
    expect(out).not.toContain('Changes to DestinationRule reviews');
    expect(out).toContain('No findings');
  });

  const problem = (error: ApiError) => render(<ProblemView problem={describeProblem(error, 'bookinfo')} namespace="bookinfo" virtualService="reviews" onReload={noop} reloadNote="Your edits are kept." />);

  it('explains a 403 in the namespace', () => {
    expect(problem(new ApiError(403, 'forbidden', 'no'))).toContain('Kubernetes says you may not change VirtualServices or DestinationRules in bookinfo.');
  });

  it('shows a 409 with its diff, a reload and what reloading keeps', () => {
    const out = problem(new ApiError(409, 'conflict', 'changed', { diff: dryRunResult().changes[0]?.diff }));
    expect(out).toContain('data-problem="conflict"');
    expect(out).toContain('weight: 50');
    expect(out).toMatch(/<button[^>]*>Reload the latest<\/button><span>Your edits are kept.<\/span>/);
  });

  it("gives a 422 in the API server's words, with the YAML editor when the form cannot represent the object", () => {
    expect(problem(new ApiError(422, 'invalid', 'admission webhook denied'))).toContain('The API server refused the change:</span> admission webhook denied');
    expect(problem(new ApiError(422, 'invalid', 'x', { unsupported: ['it mirrors traffic'] }))).toContain('href="/config/bookinfo/VirtualService/reviews"');
  });
});

describe('ManageTab', () => {
  it('shows the forms to users who may update VirtualServices', () => {
    const out = render(manage(), seedModel(reviewsModel(), true));
    expect(out).toContain('aria-label="Traffic management sections"');
    expect(out).toMatch(/aria-current="true"[^>]*>Traffic shifting</);
    expect(out).toContain('<form aria-label="Traffic shifting"');
  });

  it('shows the settings read-only otherwise (and while the answer is pending)', () => {
    for (const out of [render(manage(), seedModel(reviewsModel(), false)), render(manage(), seedModel(reviewsModel()))]) {
      expect(out).not.toContain('<form');
      expect(out).toMatch(/<dt[^>]*>v1<\/dt><dd>100%<\/dd>/);
      expect(out).toContain('Read-only: Kubernetes does not let you update VirtualServices in bookinfo.');
    }
  });

  it('explains why a VirtualService is beyond the forms and links to its YAML', () => {
    const out = render(manage('routing'), seedModel(reviewsModel({ unsupported: ['spec.http[0] mirrors traffic'] }), true));
    expect(out).toContain('<li>spec.http[0] mirrors traffic</li>');
    expect(out).toMatch(/href="\/config\/bookinfo\/VirtualService\/reviews"[^>]*>Edit VirtualService reviews as YAML/);
    expect(out).not.toContain('<form');
  });

  it('says it is loading before the model came', () => {
    expect(render(manage())).toContain('Loading the traffic settings…');
  });
});

describe('HistorySection', () => {
  const seed = (records: ChangeRecord[]) => (client: QueryClient) => client.setQueryData(trafficKeys.changes({ namespace: 'bookinfo', service: 'reviews' }), records);
  const history = <HistorySection namespace="bookinfo" service="reviews" check={editCheck('bookinfo')} />;

  it('lists who changed what and when, each diff behind a toggle', () => {
    const out = render(history, seed([RECORD]));
    expect(out).toContain(RECORD.summary);
    expect(out).toMatch(/by alice@example.com, <time dateTime="2025-06-10T11:00:00Z">2025-06-10 11:00 UTC<\/time>/);
    expect(out).toMatch(/aria-expanded="false" aria-controls="[^"]+">Show changes</);
    // The revert control waits for the permission check.
    expect(out).not.toContain('Revert…');
  });

  it('says when nothing was recorded, and loads first', () => {
    expect(render(history, seed([]))).toContain('No recorded changes for reviews yet.');
    expect(render(history)).toContain('Loading the change history…');
  });
});
