'use client';

import { useQuery } from '@tanstack/react-query';
import type { AccessCheck } from '@/lib/api/auth';
import { trafficModelQuery } from '@/lib/api/traffic';
import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { IfAllowed } from '../auth/if-allowed';
import { isNotFound } from '../details/error-message';
import { PanelError, PanelLoading } from '../details/details-states';
import { CircuitForm } from './circuit-form';
import { FaultForm } from './fault-form';
import { HistorySection } from './history-section';
import { ReadOnlySettings, UnsupportedNote } from './read-only-views';
import { RoutingForm } from './routing-form';
import { SECTION_LABELS, type TrafficSection } from './sections';
import { SectionNav } from './section-nav';
import { ShiftingForm } from './shifting-form';
import { TimeoutsForm } from './timeouts-form';

/** What lets a user see the forms: updating VirtualServices in the namespace (the API server checks anyway). */
export function editCheck(namespace: string): AccessCheck {
  return { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace };
}

function SectionBody({ model, section }: { model: TrafficModel; section: Exclude<TrafficSection, 'history'> }) {
  if (model.unsupported.length > 0) return <ReadOnlySettings model={model} section={section} />;
  // Each form keeps the model it was read from; a new section starts from the live one.
  switch (section) {
    case 'shifting':
      return <ShiftingForm model={model} />;
    case 'routing':
      return <RoutingForm model={model} />;
    case 'faults':
      return <FaultForm model={model} />;
    case 'timeouts':
      return <TimeoutsForm model={model} />;
    case 'circuit':
      return <CircuitForm model={model} />;
  }
}

/**
 * The traffic-management tab of a service: one form per section (which is in the URL), each going through preview,
 * apply and 409 handling; the change history with reverts. Users who may not update VirtualServices see the settings.
 */
export function ManageTab({ namespace, service, section, onSection }: { namespace: string; service: string; section: TrafficSection; onSection: (s: TrafficSection) => void }) {
  const result = useQuery(trafficModelQuery(namespace, service));
  const check = editCheck(namespace);
  let body;
  if (section === 'history') body = <HistorySection namespace={namespace} service={service} check={check} />;
  else if (result.isPending) body = <PanelLoading what="the traffic settings" />;
  else if (result.isError) {
    body = isNotFound(result.error) ? (
      <p role="status">{result.error.message}</p>
    ) : (
      <PanelError what="the traffic settings" message={result.error.message} onRetry={() => void result.refetch()} />
    );
  } else {
    const model = result.data;
    body = (
      <>
        {model.unsupported.length > 0 && <UnsupportedNote model={model} />}
        <IfAllowed check={check} fallback={<ReadOnlySettings model={model} section={section} />}>
          <SectionBody model={model} section={section} />
        </IfAllowed>
      </>
    );
  }
  return (
    <section aria-label="Traffic management" className="space-y-4">
      <SectionNav selected={section} onSelect={onSection} />
      <h3 className="text-base font-semibold">{SECTION_LABELS[section]}</h3>
      {body}
    </section>
  );
}
