import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GraphPage } from '@/components/graph/graph-page';
import { GraphLoading } from '@/components/graph/graph-states';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Graph' };

export default function GraphRoute() {
  return (
    <>
      <PageHeader title="Graph">Who calls whom in the namespaces you pick, live.</PageHeader>
      {/* The view is read from the URL, which is only known in the browser. */}
      <Suspense fallback={<GraphLoading namespaces={[]} />}>
        <GraphPage />
      </Suspense>
    </>
  );
}
