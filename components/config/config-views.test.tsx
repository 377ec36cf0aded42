import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfigNotFound } from './config-details';
import { ConfigObjectView } from './config-object-view';
import { ConfigTable } from './config-table';
import { DiffView } from './diff-view';
import { HighlightedYamlInput } from './highlighted-yaml-input';
import { FindingsList } from './findings-list';
import { brokenVsDetails, configItem, finding } from './test-config';

// The YAML section asks whether the user may edit (a query); rendered on the server, the question stays pending.
const withQueries = (node: ReactNode) => <QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>;

const noop = () => undefined;
const NOW = Date.parse('2025-06-10T12:00:00Z');
const rowOf = (out: string, id: string) => out.match(new RegExp(`<tr[^>]*data-config-row="${id}".*?</tr>`))?.[0] ?? '';

describe('ConfigTable', () => {
  const items = [
    configItem('DestinationRule', 'reviews'),
    configItem('VirtualService', 'reviews', { findings: [finding('warning', 'weights add up to 90'), finding('error', 'no subset v9'), finding('error', 'other')] }),
    configItem('Gateway', 'gw', { findings: [finding('warning', 'no workload selected')], createdAt: undefined }),
  ];
  const out = renderToStaticMarkup(<ConfigTable items={items} sort={{ key: 'age', direction: 'desc' }} onSortChange={noop} nowMs={NOW} />);

  it('has sortable columns, named by a caption', () => {
    expect([...out.matchAll(/<th [^>]*><button[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['Kind', 'Namespace', 'Name', 'Age', 'Validation']);
    expect(out).toContain('<caption class="sr-only">Istio config</caption>');
    expect(out).toMatch(/aria-sort="descending"[^>]*><button[^>]*>Age/);
  });

  it('links each name to its page, shows the age, and the validation: valid, or counts with the first message', () => {
    const valid = rowOf(out, 'DestinationRule/bookinfo/reviews');
    expect(valid).toContain('data-validation="valid"');
    expect(valid).toContain('href="/config/bookinfo/DestinationRule/reviews"');
    expect(valid).toContain('>2h<');
    expect(valid).toMatch(/✓ <\/span>Valid/);
    const broken = rowOf(out, 'VirtualService/bookinfo/reviews');
    expect(broken).toContain('data-validation="error"');
    expect(broken).toMatch(/title="no subset v9"[^>]*>.*2 errors, 1 warning<span class="sr-only">: no subset v9<\/span>/);
    const warned = rowOf(out, 'Gateway/bookinfo/gw');
    expect(warned).toMatch(/title="no workload selected"[^>]*>.*1 warning</);
    expect(warned).toContain('>—<');
  });
});

describe('ConfigObjectView', () => {
  const out = renderToStaticMarkup(withQueries(<ConfigObjectView details={brokenVsDetails()} />));

  it('heads the page with kind, name, namespace, created and resource version', () => {
    expect(out).toContain('<h1 class="text-2xl font-semibold">reviews</h1>');
    expect(out).toMatch(/<dt[^>]*>Namespace<\/dt><dd>bookinfo<\/dd>/);
    expect(out).toMatch(/<dt[^>]*>Created<\/dt><dd>2025-06-10T10:00:00Z<\/dd>/);
    expect(out).toMatch(/<dt[^>]*>Resource version<\/dt><dd>1001<\/dd>/);
  });

  it('lists findings with severity word, code, message and a link to the line their path points at', () => {
    expect(out).toMatch(/data-finding="vs.subset-not-found" data-severity="error".*Error<\/span><code[^>]*>vs.subset-not-found<\/code><span[^>]*>No DestinationRule defines subset v9/);
    expect(out).toMatch(/at <code>spec.http\[0\].route\[1\].destination.subset<\/code> \(<a href="#L17"[^>]*>line 17<\/a>\)/);
    expect(out).toMatch(/data-finding="vs.weights-sum".*<a href="#L10"/);
    // No path, no place to point at.
    expect(out).toMatch(/data-finding="vs.export" data-severity="info"(?:(?!<\/li>).)*Exported to every namespace<\/span><\/div><\/li>/);
  });

  it('shows the YAML with numbered lines and marks the lines findings point at', () => {
    expect(out).toContain('aria-label="YAML"');
    expect(out.match(/data-line="/g)).toHaveLength(18);
    expect(out).toMatch(/id="L17" data-line="17" data-mark="error"[^>]*>.*?17<\/span>            subset: v9<span class="sr-only"> \(Error here\)/);
    expect(out).toMatch(/id="L10" data-line="10" data-mark="warning"/);
    expect(out).toMatch(/id="L1" data-line="1" class/);
  });

  it('links the references to their pages', () => {
    expect(out).toContain('href="/namespaces/bookinfo/services/reviews"');
    expect(out).toContain('href="/namespaces/bookinfo/workloads/reviews-v1"');
    expect(out).toMatch(/href="\/config\/bookinfo\/DestinationRule\/reviews"[^>]*>DestinationRule reviews</);
  });

  it('says when an object has no findings and names nothing', () => {
    const clean = { ...brokenVsDetails(), item: configItem('Sidecar', 'default'), references: { services: [], workloads: [], objects: [] } };
    const html = renderToStaticMarkup(withQueries(<ConfigObjectView details={clean} />));
    expect(html).toContain('No findings: this object is valid.');
    expect(html).toContain('It names no services, workloads or other Istio objects.');
    expect(html).not.toContain('data-mark=');
  });
});

describe('FindingsList', () => {
  it('links the objects a finding is about, and adds nothing for an empty list of them', () => {
    const out = renderToStaticMarkup(
      <FindingsList
        findings={[
          { ...finding('warning', 'Two VirtualServices for host reviews', '', 'vs.duplicate-host'), related: [{ kind: 'VirtualService', namespace: 'travel', name: 'reviews-2' }] },
          { ...finding('info', 'fyi', ''), related: [] },
        ]}
        lines={new Map()}
      />,
    );
    expect(out).toMatch(/data-finding="vs.duplicate-host".*<a [^>]*href="\/config\/travel\/VirtualService\/reviews-2"[^>]*>VirtualService travel\/reviews-2<\/a>/);
    expect(out).toMatch(/fyi<\/span><\/div><\/li><\/ul>$/);
  });
});

describe('ConfigNotFound', () => {
  it('names the object and leads back to its namespace', () => {
    const out = renderToStaticMarkup(<ConfigNotFound namespace="bookinfo" kind="VirtualService" name="nope" reason="virtualservices.networking.istio.io &quot;nope&quot; not found" />);
    expect(out).toContain('No VirtualService nope in bookinfo');
    expect(out).toContain('href="/config?namespace=bookinfo"');
  });
});

describe('DiffView', () => {
  it('marks removed and added lines in words, and says when nothing changes', () => {
    const out = renderToStaticMarkup(
      <DiffView
        hunks={[
          {
            lines: [
              { op: 'keep', text: 'spec:', oldLine: 1, newLine: 1 },
              { op: 'remove', text: '  weight: 80', oldLine: 2 },
              { op: 'add', text: '  weight: 50', newLine: 2 },
            ],
          },
        ]}
      />,
    );
    expect(out).toContain('removed: </span>  weight: 80');
    expect(out).toContain('added: </span>  weight: 50');
    expect(out.match(/data-op="keep"/g)).toHaveLength(1);
    expect(renderToStaticMarkup(<DiffView hunks={[]} />)).toContain('No changes');
  });
});

describe('HighlightedYamlInput', () => {
  it('colours keys and values under a textarea that holds the same text', () => {
    const out = renderToStaticMarkup(<HighlightedYamlInput id="y" value={'spec:\n  weight: 50 # half'} onChange={noop} rows={4} />);
    expect(out).toMatch(/<textarea[^>]*id="y"[^>]*>spec:\n {2}weight: 50 # half<\/textarea>/);
    expect(out).toContain('text-sky-800 dark:text-sky-300">weight</span>');
    expect(out).toContain('text-amber-700 dark:text-amber-300">50 </span>');
    expect(out).toContain('italic"># half</span>');
  });
});
