'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { istioDetailsQuery } from '@/lib/api/istio';
import type { IstioKind } from '@/lib/mesh/istio/types';
import { errorMessage, isNotFound } from '../details/error-message';
import { configHref } from '../details/links';
import { PanelLoading } from '../details/details-states';
import { LINK_CLASS } from '../details/styles';
import { PanelError } from '../ui/panel-error';
import { ConfigObjectView } from './config-object-view';

/** The page of one Istio object, with its own loading, not-found and error states. */
export function ConfigDetails({ namespace, kind, name }: { namespace: string; kind: IstioKind; name: string }) {
  const result = useQuery(istioDetailsQuery(namespace, kind, name));
  if (isNotFound(result.error)) return <ConfigNotFound namespace={namespace} kind={kind} name={name} reason={errorMessage(result.error)} />;
  if (result.data) return <ConfigObjectView details={result.data} />;
  if (result.isError) return <PanelError what={`the ${kind} ${name}`} message={errorMessage(result.error)} onRetry={() => void result.refetch()} />;
  return <PanelLoading what={`the ${kind} ${name}`} />;
}

/** The API does not know the object: say which, and lead back to the namespace's config. */
export function ConfigNotFound({ namespace, kind, name, reason }: { namespace: string; kind: string; name: string; reason?: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{`No ${kind} ${name} in ${namespace}`}</h1>
      <p className="text-slate-600 dark:text-slate-400">
        {reason ? `The server says: ${reason}. ` : ''}It may have been deleted or renamed, or the address has a typo.
      </p>
      <Link href={configHref(namespace)} className={LINK_CLASS}>
        Back to the Istio config of {namespace}
      </Link>
    </div>
  );
}
