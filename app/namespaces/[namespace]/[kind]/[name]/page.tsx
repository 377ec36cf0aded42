import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { DetailsPage } from '@/components/details/details-page';
import { PanelLoading } from '@/components/details/details-states';
import { inventoryKindOf, KIND_NOUN } from '@/components/details/links';

interface Params {
  namespace: string;
  kind: string;
  name: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { kind, name } = await params;
  const known = inventoryKindOf(kind);
  return { title: known ? `${name} (${KIND_NOUN[known]})` : 'Not found' };
}

/** The detail page of an app, a workload or a service; any other kind segment is a 404. */
export default async function DetailsRoute({ params }: { params: Promise<Params> }) {
  const { namespace, kind, name } = await params;
  const known = inventoryKindOf(kind);
  if (!known) notFound();
  return (
    // The tab and window are read from the URL, which is only known in the browser.
    <Suspense fallback={<PanelLoading what={`the ${KIND_NOUN[known]} ${name}`} />}>
      <DetailsPage namespace={namespace} kind={known} name={name} />
    </Suspense>
  );
}
