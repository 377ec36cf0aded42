import type { ReactNode } from 'react';
import type { ControlPlane, MtlsCell } from '@/lib/mesh/mtls/types';
import { formatRps } from '../graph/format';
import { durationLabel } from '../ui/time-choices';
import { FlagsList, MtlsStatusBadge, ReasonsList } from './mtls-cells';
import { observedText } from './mtls-format';

/** A titled box of the mesh page, named by its heading. */
export function MeshPanel({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`rounded border border-slate-200 p-4 dark:border-slate-800 ${className}`}>
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Mesh-wide mTLS: the status the root namespace's policy sets, why, and the share of mTLS traffic observed. */
export function MeshCard({ mesh, rootNamespace, duration }: { mesh: MtlsCell; rootNamespace: string; duration: number }) {
  return (
    <MeshPanel title="Mesh-wide mTLS">
      <div data-mtls-mesh data-status={mesh.status} className="space-y-2 text-sm">
        <MtlsStatusBadge status={mesh.status} />
        <ReasonsList reasons={mesh.reasons} />
        <p>
          Observed over {durationLabel(duration)}: <span className="font-medium">{observedText(mesh.observed)}</span>
        </p>
        <p className="text-xs text-slate-500">Root namespace: {rootNamespace}</p>
        {mesh.flags.length > 0 && <FlagsList flags={mesh.flags} />}
      </div>
    </MeshPanel>
  );
}

const PUSHING_TEXT: Record<ControlPlane['pushing'], string> = {
  yes: 'Pushing config to proxies',
  no: 'Not pushing config',
  unknown: 'Push activity unknown',
};

/** The istiod deployments with version and readiness, and whether config is being pushed. */
export function ControlPlaneCard({ controlPlane }: { controlPlane: ControlPlane }) {
  const { istiod, pushing, pushRate, note } = controlPlane;
  return (
    <MeshPanel title="Control plane">
      <div className="space-y-2 text-sm">
        {istiod.length === 0 ? (
          <p role="status">No istiod deployment found.</p>
        ) : (
          <ul aria-label="istiod deployments" className="space-y-1">
            {istiod.map((d) => (
              <li key={`${d.namespace}/${d.name}`} data-istiod={`${d.namespace}/${d.name}`} className="flex flex-wrap gap-x-3">
                <span className="font-medium">
                  {d.namespace}/{d.name}
                </span>
                <span>{d.version ? `version ${d.version}` : 'version unknown'}</span>
                <span className={d.ready < d.desired ? 'font-semibold text-failure' : ''}>
                  {d.ready < d.desired && <span aria-hidden>⚠ </span>}
                  {d.ready}/{d.desired} ready
                </span>
              </li>
            ))}
          </ul>
        )}
        <p data-pushing={pushing}>
          {PUSHING_TEXT[pushing]}
          {pushRate !== undefined && ` (${formatRps(pushRate)} pushes/s)`}
          {note && <span className="block text-xs text-slate-500">{note}</span>}
        </p>
      </div>
    </MeshPanel>
  );
}
