import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Workloads' };

export default function WorkloadsPage() {
  return (
    <>
      <PageHeader title="Workloads">Workloads by namespace, with health, versions and sidecars.</PageHeader>
      <NotBuiltYet what="The workloads list" />
    </>
  );
}
