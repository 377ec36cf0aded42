'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { inventoryDetailsQuery } from '@/lib/api/inventory';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import { DetailsBody } from './details-body';
import { DetailsNotFound } from './details-states';
import { errorMessage, isNotFound } from './error-message';
import type { ItemRef } from './links';
import { ResourcesTab } from './resources-tab';
import { useDetailsUrlState } from './use-details-url';

/** The detail page of an app, a workload or a service: its own data, then tabs that each load their own. */
export function DetailsPage({ namespace, kind, name }: { namespace: string; kind: InventoryKind; name: string }) {
  const item = useMemo<ItemRef>(() => ({ namespace, kind, name }), [namespace, kind, name]);
  const [state, update] = useDetailsUrlState(kind);
  const result = useQuery(inventoryDetailsQuery(namespace, kind, name, { refreshSeconds: state.refresh }));

  if (isNotFound(result.error)) return <DetailsNotFound item={item} reason={errorMessage(result.error)} />;
  const data = result.data;
  // A workload's sidecars are its own; an app's are its workloads', known once the app loaded.
  const workloads = kind === 'workloads' ? [name] : data?.item.kind === 'apps' ? data.item.workloads : undefined;
  return (
    <DetailsBody
      item={item}
      load={{
        ...(data ? { data } : {}),
        pending: result.isPending,
        ...(result.isError ? { error: errorMessage(result.error) } : {}),
        retry: () => void result.refetch(),
      }}
      state={state}
      update={update}
      resources={<ResourcesTab item={item} workloads={workloads} state={state} />}
    />
  );
}
