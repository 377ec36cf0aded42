import type { Metadata } from 'next';
import { Suspense } from 'react';
import { InventoryList } from '@/components/inventory/inventory-list';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Workloads' };

export default function WorkloadsPage() {
  return (
    <>
      <PageHeader title="Workloads">Workloads by namespace, with health, versions and sidecars.</PageHeader>
      {/* The filters are read from the URL, which is only known in the browser. */}
      <Suspense fallback={<p role="status">Loading the list…</p>}>
        <InventoryList kind="workloads" />
      </Suspense>
    </>
  );
}
