import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InventoryItem, InventoryKind } from '@/lib/mesh/inventory/types';
import { InventoryTable } from './inventory-table';
import { listRows, type NamespaceResult } from './list-rows';
import { app, report, service, workload } from './test-items';

// Server-rendered markup: enough to check the cells, the states and the accessible structure without a browser.
const noop = () => undefined;
function html(kind: InventoryKind, results: NamespaceResult[], name = '') {
  const sort = { key: 'name', direction: 'asc' } as const;
  const rows = listRows(kind, results, { name, health: [] }, sort);
  return renderToStaticMarkup(<InventoryTable kind={kind} rows={rows} sort={sort} onSortChange={noop} onRetry={noop} onClearFilters={noop} />);
}
const ok = (kind: InventoryKind, items: InventoryItem[], namespace = 'bookinfo'): NamespaceResult => ({
  namespace,
  status: 'success',
  list: { namespace, kind, duration: 300, items },
});
const headers = (out: string) => [...out.matchAll(/<th [^>]*><button[^>]*>([^<]+)</g)].map((m) => m[1]);

describe('InventoryTable', () => {
  it.each<[InventoryKind, string[]]>([
    ['apps', ['Health', 'Name', 'Namespace', 'Versions', 'Sidecar', 'Istio config', 'In rps', 'Errors']],
    ['workloads', ['Health', 'Name', 'Namespace', 'Sidecar', 'Replicas', 'Istio config', 'In rps', 'Errors']],
    ['services', ['Health', 'Name', 'Namespace', 'Type', 'Ports', 'Istio config', 'In rps', 'Errors']],
  ])('%s columns, named by a caption, sorted by name', (kind, expected) => {
    const out = html(kind, [ok(kind, [])]);
    expect(out).toContain('<caption class="sr-only">');
    expect(headers(out)).toEqual(expected);
    expect(out.match(/aria-sort="ascending"/g)).toHaveLength(1);
    expect(out).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><button[^>]*>Name/);
  });

  it('shows a workload row: health with its reasons, a link to the details, the sidecar, replicas, config and traffic', () => {
    const out = html('workloads', [
      ok('workloads', [
        workload('discounts-v1', {
          namespace: 'travel',
          sidecar: 'missing',
          health: report('degraded', 2.345, 0.02, ['5xx 2 % > 0 %']),
          replicas: { desired: 2, ready: 1, available: 1 },
          istio: [{ kind: 'DestinationRule', namespace: 'travel', name: 'discounts' }],
        }),
      ], 'travel'),
    ]);
    expect(out).toContain('title="Degraded: 5xx 2 % &gt; 0 %"');
    expect(out).toContain('bg-degraded');
    expect(out).toContain('<span class="sr-only">: 5xx 2 % &gt; 0 %</span>');
    expect(out).toContain('href="/namespaces/travel/workloads/discounts-v1"');
    expect(out).toMatch(/data-sidecar="missing"[^>]*>.*Missing<\/span>/);
    expect(out).toContain('>1/2<');
    expect(out).toMatch(/<a title="DestinationRule travel\/discounts"[^>]*href="\/config\?namespace=travel"/);
    expect(out).toContain('<span aria-hidden="true">DR</span><span class="sr-only">DestinationRule travel/discounts</span>');
    expect(out).toContain('>2.35<');
    expect(out).toContain('>2%<');
  });

  it('shows an app row with versions and a service row with type and ports; no traffic shows a dash', () => {
    const apps = html('apps', [ok('apps', [app('reviews', { versions: ['v1', 'v2', 'v3'], health: report('na', 0, null) })])]);
    expect(apps).toContain('>v1, v2, v3<');
    expect(apps).toContain('title="No traffic">—<');
    expect(apps).not.toContain('class="sr-only">: ');
    const services = html('services', [ok('services', [service('mongodb', { ports: [{ name: 'mongo', port: 27017, protocol: 'TCP' }] })])]);
    expect(services).toContain('>ClusterIP<');
    expect(services).toContain('<span title="mongo 27017/TCP">27017/TCP</span>');
  });

  it('gives a failed namespace its own alert row while the others show, and says which one still loads', () => {
    const out = html('workloads', [
      ok('workloads', [workload('reviews-v1')]),
      { namespace: 'travel', status: 'error', message: 'kubernetes: forbidden' },
      { namespace: 'shop', status: 'pending' },
    ]);
    expect(out).toMatch(/role="alert".*Could not load the workloads of travel:.*kubernetes: forbidden/);
    expect(out).toContain('Try again<span class="sr-only"> for travel</span>');
    expect(out).toMatch(/role="status"[^>]*>Loading the workloads of shop…/);
    expect(out).toContain('reviews-v1');
  });

  it.each<[string, NamespaceResult[], string, string, boolean]>([
    ['nothing there', [ok('apps', [])], '', 'No applications in bookinfo', false],
    ['filtered away', [ok('apps', [app('reviews')])], 'zzz', 'No applications in bookinfo match the filters', true],
  ])('empty state: %s', (_name, results, filter, text, clear) => {
    const out = html('apps', results, filter);
    expect(out).toMatch(new RegExp(`role="status"[^>]*><span>${text}`));
    expect(out.includes('Clear the filters')).toBe(clear);
  });
});
