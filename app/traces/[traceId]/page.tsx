import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { TraceDetail } from '@/components/traces/trace-detail';
import { TraceLoading } from '@/components/traces/trace-states';
import { PageHeader } from '@/components/ui/page-header';
import { parseTraceId } from '@/lib/mesh/traces/search-params';

// A path that cannot be a trace id is a 404 here rather than a 400 from the API after the page loads.
function traceIdOf(raw: string): string {
  try {
    return parseTraceId(raw);
  } catch {
    notFound();
  }
}

export async function generateMetadata({ params }: { params: Promise<{ traceId: string }> }): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 12)}` };
}

/** One trace's header and waterfall. */
export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const traceId = traceIdOf((await params).traceId);
  return (
    <>
      <PageHeader title="Trace">
        <Link href="/traces" className="text-sky-700 hover:underline dark:text-sky-400">
          Back to the search
        </Link>
      </PageHeader>
      {/* The selected span (?span=) is read from the URL, which is only known in the browser. */}
      <Suspense fallback={<TraceLoading>Loading trace {traceId}…</TraceLoading>}>
        <TraceDetail traceId={traceId} />
      </Suspense>
    </>
  );
}
