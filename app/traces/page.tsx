import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TraceSearch } from '@/components/traces/trace-search';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Traces' };

export default function TracesPage() {
  return (
    <>
      <PageHeader title="Traces">Search traces and read them as a waterfall.</PageHeader>
      {/* The search is read from the URL, which is only known in the browser. */}
      <Suspense fallback={<p role="status">Loading the search…</p>}>
        <TraceSearch />
      </Suspense>
    </>
  );
}
