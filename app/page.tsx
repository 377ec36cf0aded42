import { UpstreamStatusPanel } from '@/components/shell/upstream-status-panel';
import { PageHeader } from '@/components/ui/page-header';

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview">The mesh at a glance, and the health of the console&apos;s own connections.</PageHeader>
      <UpstreamStatusPanel />
    </>
  );
}
