import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MeshPage } from '@/components/mesh/mesh-page';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Mesh' };

export default function MeshRoute() {
  return (
    <>
      <PageHeader title="Mesh">Mutual TLS as configured and as observed, and the control plane.</PageHeader>
      {/* The namespaces are read from the URL, which is only known in the browser. */}
      <Suspense fallback={<p role="status">Loading the mesh…</p>}>
        <MeshPage />
      </Suspense>
    </>
  );
}
