import type { Metadata } from 'next';
import { ConfigDetails, ConfigNotFound } from '@/components/config/config-details';
import { istioKindOf } from '@/lib/api/istio';

interface Params {
  namespace: string;
  kind: string;
  name: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { kind, name } = await params;
  return { title: istioKindOf(kind) ? `${name} (${kind})` : 'Not found' };
}

/** The page of one Istio object; the kind segment is the Kind's name (VirtualService), anything else is unknown. */
export default async function ConfigObjectRoute({ params }: { params: Promise<Params> }) {
  const { namespace, kind, name } = await params;
  const known = istioKindOf(kind);
  if (!known) return <ConfigNotFound namespace={namespace} kind={kind} name={name} reason={`${kind} is not an Istio kind Meshscope lists`} />;
  return <ConfigDetails namespace={namespace} kind={known} name={name} />;
}
