import type { PodSummary } from '@/lib/mesh/inventory/types';

function YesNo({ yes, no }: { yes: boolean; no: string }) {
  return yes ? <span>Yes</span> : <span className="font-semibold text-degraded">{no}</span>;
}

/** The item's pods: phase, readiness and whether each runs the Istio sidecar. */
export function PodsTable({ pods }: { pods: readonly PodSummary[] }) {
  if (pods.length === 0) return <p className="text-sm text-slate-500">No pods.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Pods</caption>
      <thead>
        <tr className="text-xs text-slate-500">
          <th scope="col" className="py-1 font-medium">Name</th>
          <th scope="col" className="py-1 font-medium">Phase</th>
          <th scope="col" className="py-1 font-medium">Ready</th>
          <th scope="col" className="py-1 font-medium">Sidecar</th>
        </tr>
      </thead>
      <tbody>
        {pods.map((pod) => (
          <tr key={pod.name} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="break-all py-1 font-normal">{pod.name}</th>
            <td className="py-1">{pod.phase}</td>
            <td className="py-1"><YesNo yes={pod.ready} no="No" /></td>
            <td className="py-1"><YesNo yes={pod.sidecar} no="Missing" /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
