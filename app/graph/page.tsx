import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Graph' };

export default function GraphPage() {
  return (
    <>
      <PageHeader title="Graph">Who calls whom in the namespaces you pick, live.</PageHeader>
      <NotBuiltYet what="The topology graph" />
    </>
  );
}
