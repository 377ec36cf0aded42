import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Services' };

export default function ServicesPage() {
  return (
    <>
      <PageHeader title="Services">Services by namespace, with health and the Istio config that touches them.</PageHeader>
      <NotBuiltYet what="The services list" />
    </>
  );
}
