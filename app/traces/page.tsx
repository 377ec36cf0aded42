import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Traces' };

export default function TracesPage() {
  return (
    <>
      <PageHeader title="Traces">Search traces and read them as a waterfall.</PageHeader>
      <NotBuiltYet what="The trace search" />
    </>
  );
}
