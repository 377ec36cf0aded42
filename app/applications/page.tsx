import type { Metadata } from 'next';
import { Suspense } from 'react';
import { InventoryList } from '@/components/inventory/inventory-list';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Applications' };

export default function ApplicationsPage() {
  return (
    <>
      <PageHeader title="Applications">Applications by namespace, with health and versions.</PageHeader>
      {/* The filters are read from the URL, which is only known in the browser. */}
      <Suspense fallback={<p role="status">Loading the list…</p>}>
        <InventoryList kind="apps" />
      </Suspense>
    </>
  );
}
