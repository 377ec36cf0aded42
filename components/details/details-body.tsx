'use client';

import { useId, type ReactNode } from 'react';
import type { InventoryDetails } from '@/lib/mesh/inventory/types';
import { DetailTabs } from './detail-tabs';
import { DetailsHeader } from './details-header';
import { PanelError, PanelLoading } from './details-states';
import { KIND_NOUN, type ItemRef } from './links';
import { splitNote } from './metric-panels';
import { MetricsTab } from './metrics-tab';
import { OverviewTab } from './overview-tab';
import { sidecarWarning } from './overview';
import { TimeControls } from './time-controls';
import { ManageTab } from '../traffic/manage-tab';
import { TrafficTab } from './traffic-tab';
import { tabsFor, type DetailsUrlState } from './url-state';

/** Where the item's own data stands; a 404 never gets here (the page shows its not-found state instead). */
export interface DetailsLoad {
  data?: InventoryDetails;
  pending: boolean;
  error?: string;
  retry: () => void;
}

/** The header, the sidecar warning and the tabs of an item whose details are loading, loaded or failed. */
export function DetailsBody({
  item,
  load,
  state,
  update,
  resources,
}: {
  item: ItemRef;
  load: DetailsLoad;
  state: DetailsUrlState;
  update: (change: Partial<DetailsUrlState>) => void;
  /** The sidecar resources panel, which needs a query of its own. */
  resources: ReactNode;
}) {
  const idPrefix = useId();
  const noun = KIND_NOUN[item.kind];
  const warning = load.data && sidecarWarning(load.data);
  const tab = state.tab;

  let panel: ReactNode;
  switch (tab) {
    case 'overview':
      panel = load.data ? <OverviewTab details={load.data} /> : load.error === undefined ? <PanelLoading what={`the ${noun}`} /> : null;
      break;
    case 'inbound':
    case 'outbound': {
      const note = splitNote(item, tab);
      panel = (
        <>
          <TimeControls state={state} update={update} showStep split={note ? { note } : {}} />
          <MetricsTab item={item} direction={tab} state={state} />
        </>
      );
      break;
    }
    case 'traffic':
      panel = (
        <>
          <TimeControls state={state} update={update} showStep={false} />
          <TrafficTab item={item} duration={state.duration} refresh={state.refresh} />
        </>
      );
      break;
    case 'manage':
      panel = <ManageTab namespace={item.namespace} service={item.name} section={state.section} onSection={(section) => update({ section })} />;
      break;
    case 'resources':
      panel = (
        <>
          <TimeControls state={state} update={update} showStep />
          {resources}
        </>
      );
      break;
  }

  return (
    <>
      <DetailsHeader item={item} {...(load.data ? { details: load.data } : {})} loading={load.pending} />
      <div className="mb-4 space-y-2">
        {/* The other tabs read other APIs and still work, so a failure here is a banner, not the page. */}
        {load.error !== undefined && <PanelError what={`the ${noun}`} message={load.error} onRetry={load.retry} />}
        {warning && (
          <p role="note" className="rounded border border-degraded/50 bg-degraded/10 px-3 py-2 text-sm">
            <span className="font-semibold">Warning:</span> {warning}
          </p>
        )}
      </div>
      <DetailTabs tabs={tabsFor(item.kind)} selected={tab} onSelect={(t) => update({ tab: t })} idPrefix={idPrefix}>
        {panel}
      </DetailTabs>
    </>
  );
}
