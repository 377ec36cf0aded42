import { Suspense } from 'react';
import { OverviewPanel } from '@/components/overview/overview-panel';
import { UpstreamStatusPanel } from '@/components/shell/upstream-status-panel';
import { PageHeader } from '@/components/ui/page-header';

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview">The mesh at a glance, and the health of the console&apos;s own connections.</PageHeader>
      <div className="space-y-8">
        <UpstreamStatusPanel />
        {/* The namespace filter is read from the URL, which is only known in the browser. */}
        <Suspense fallback={<p role="status">Loading namespaces…</p>}>
          <OverviewPanel />
        </Suspense>
      </div>
    </>
  );
}
