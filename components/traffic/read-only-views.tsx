import Link from 'next/link';
import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { configObjectHref } from '../config/config-links';
import { LINK_CLASS } from '../details/styles';
import type { TrafficSection } from './sections';
import { settingsSummary } from './summary';

/** A section's live settings as text, for users who may read them but not change them. */
export function ReadOnlySettings({ model, section }: { model: TrafficModel; section: Exclude<TrafficSection, 'history'> }) {
  return (
    <div className="space-y-2">
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {settingsSummary(model, section).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Read-only: Kubernetes does not let you update VirtualServices in {model.namespace}.
      </p>
    </div>
  );
}

/** Why the forms cannot edit this service's VirtualService, and where to edit it instead. */
export function UnsupportedNote({ model }: { model: TrafficModel }) {
  const name = model.virtualService?.name ?? model.service;
  return (
    <div role="note" className="space-y-2 rounded border border-degraded/50 bg-degraded/10 px-3 py-2 text-sm">
      <p className="font-semibold">The forms cannot represent the VirtualService {name} without losing some of it:</p>
      <ul className="list-inside list-disc">
        {model.unsupported.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <p>
        <Link href={configObjectHref({ namespace: model.namespace, kind: 'VirtualService', name })} className={LINK_CLASS}>
          Edit VirtualService {name} as YAML
        </Link>{' '}
        instead; its dry run shows the diff before anything is written.
      </p>
    </div>
  );
}
