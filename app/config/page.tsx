import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Istio Config' };

export default function IstioConfigPage() {
  return (
    <>
      <PageHeader title="Istio Config">Every Istio object in the chosen namespaces, with validations.</PageHeader>
      <NotBuiltYet what="The Istio config browser" />
    </>
  );
}
