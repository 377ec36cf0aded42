import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Mesh' };

export default function MeshPage() {
  return (
    <>
      <PageHeader title="Mesh">Mutual TLS as configured and as observed, and the control plane.</PageHeader>
      <NotBuiltYet what="The mesh view" />
    </>
  );
}
