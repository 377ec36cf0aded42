import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ConfigBrowser } from '@/components/config/config-browser';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Istio Config' };

export default function IstioConfigPage() {
  return (
    <>
      <PageHeader title="Istio Config">Every Istio object in the chosen namespaces, with validations.</PageHeader>
      {/* The filters are read from the URL, which is only known in the browser. */}
      <Suspense fallback={<p role="status">Loading the config…</p>}>
        <ConfigBrowser />
      </Suspense>
    </>
  );
}
