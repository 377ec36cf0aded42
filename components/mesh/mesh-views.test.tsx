import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ControlPlaneCard, MeshCard } from './mesh-cards';
import { NamespacesTable, WorkloadsTable } from './mtls-tables';
import { sampleReport } from './test-report';

// Server-rendered markup: enough to check words, links and data attributes without a browser.
const report = sampleReport();
const rowOf = (out: string, id: string) => out.match(new RegExp(`<tr[^>]*data-mtls-workload="${id}".*?</tr>`))?.[0] ?? '';

describe('WorkloadsTable', () => {
  const out = renderToStaticMarkup(<WorkloadsTable workloads={report.workloads} />);

  it('gives each workload a row with its status as a data attribute and a word, sorted by namespace and name', () => {
    const ids = [...out.matchAll(/data-mtls-workload="([^"]+)" data-status="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(ids).toEqual(['bookinfo/details-v1=enabled', 'bookinfo/ratings-v1=partly', 'bookinfo/reviews-v2=enabled', 'travel/discounts-v1=disabled']);
    expect(rowOf(out, 'bookinfo/details-v1')).toContain('Enabled</span>');
    expect(rowOf(out, 'bookinfo/ratings-v1')).toContain('Partly enabled</span>');
    expect(rowOf(out, 'travel/discounts-v1')).toContain('Disabled</span>');
    expect(out).toContain('<caption class="sr-only">Workloads mTLS</caption>');
  });

  it('marks a conflict and a mismatch in words, and leaves clean rows unmarked', () => {
    const conflict = rowOf(out, 'bookinfo/reviews-v2');
    expect(conflict).toContain('data-flags="strict-with-disable"');
    expect(conflict).toMatch(/uppercase[^"]*">Conflict</);
    expect(conflict).toMatch(/Conflict<span class="sr-only"> \(Error\)<\/span>:<\/span> STRICT server, but DestinationRule reviews disables TLS/);
    expect(conflict).toContain('href="/config/bookinfo/DestinationRule/reviews"');
    const mismatch = rowOf(out, 'travel/discounts-v1');
    expect(mismatch).toMatch(/uppercase[^"]*">Mismatch</);
    expect(mismatch).toContain('⚠ No</span>');
    expect(mismatch).toContain('No traffic');
    const clean = rowOf(out, 'bookinfo/details-v1');
    expect(clean).not.toContain('data-flags');
    expect(clean).not.toContain('uppercase');
  });

  it('links reasons to the object that decided and each workload to its page', () => {
    const row = rowOf(out, 'bookinfo/details-v1');
    expect(row).toContain('href="/namespaces/bookinfo/workloads/details-v1"');
    expect(row).toMatch(/STRICT from the namespace policy <a [^>]*title="PeerAuthentication bookinfo\/default, at spec.mtls.mode" href="\/config\/bookinfo\/PeerAuthentication\/default"/);
    expect(rowOf(out, 'bookinfo/ratings-v1')).toContain('>50%<');
  });
});

describe('NamespacesTable and cards', () => {
  it('shows each namespace with status, share, rps and flags', () => {
    const out = renderToStaticMarkup(<NamespacesTable namespaces={report.namespaces} />);
    expect(out).toMatch(/data-mtls-namespace="travel" data-status="partly".*Partly enabled.*>0%<.*>2\.5<.*Mismatch/);
    expect(out).toMatch(/data-mtls-namespace="bookinfo" data-status="enabled".*Enabled.*>100%<.*>10<.*>—</);
  });

  it('shows the mesh status with reasons and the observed share, and the control plane with readiness and push note', () => {
    const mesh = renderToStaticMarkup(<MeshCard mesh={report.mesh} rootNamespace="istio-system" duration={300} />);
    expect(mesh).toContain('aria-label="Mesh-wide mTLS"');
    expect(mesh).toContain('Not enabled</span>');
    expect(mesh).toContain('No mesh-wide PeerAuthentication');
    expect(mesh).toMatch(/Observed over 5m: <span[^>]*>80% of 12.5 rps</);
    const cp = renderToStaticMarkup(<ControlPlaneCard controlPlane={report.controlPlane} />);
    expect(cp).toContain('data-istiod="istio-system/istiod"');
    expect(cp).toContain('version 1.24.2');
    expect(cp).toMatch(/text-failure"><span aria-hidden="true">⚠ <\/span>1\/2 ready/);
    expect(cp).toMatch(/data-pushing="unknown">Push activity unknown.*Prometheus has no pilot_xds_pushes/);
    const none = renderToStaticMarkup(<ControlPlaneCard controlPlane={{ istiod: [], pushing: 'yes', pushRate: 0.5 }} />);
    expect(none).toContain('No istiod deployment found.');
    expect(none).toContain('Pushing config to proxies (0.5 pushes/s)');
  });
});
