import type { Metadata } from 'next';
import { Suspense } from 'react';
import { InventoryList } from '@/components/inventory/inventory-list';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Services' };

export default function ServicesPage() {
  return (
    <>
      <PageHeader title="Services">Services by namespace, with health and the Istio config that touches them.</PageHeader>
      {/* The filters are read from the URL, which is only known in the browser. */}
      <Suspense fallback={<p role="status">Loading the list…</p>}>
        <InventoryList kind="services" />
      </Suspense>
    </>
  );
}
