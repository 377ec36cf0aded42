import type { TrafficApplyResult } from '@/lib/mesh/traffic/types';
import { DiffView } from '../config/diff-view';
import { FindingsList } from '../config/findings-list';
import { changeHeading } from './pipeline';

/** What a dry run would do, or what an apply did: each object's action and diff, then Meshscope's findings. */
export function ApplyResult({ result, label }: { result: TrafficApplyResult; label: string }) {
  return (
    <section aria-label={label} className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      {result.changes.map((c) => (
        <div key={`${c.kind}/${c.name}`} data-change={`${c.kind}/${c.name}`} data-action={c.action} className="space-y-1">
          <h4 className="text-sm font-semibold">{changeHeading(c, result.dryRun)}</h4>
          {c.action !== 'unchanged' && <DiffView hunks={c.diff} label={`Changes to ${c.kind} ${c.name}`} />}
        </div>
      ))}
      <div className="space-y-1">
        <h4 className="text-sm font-semibold">Findings</h4>
        <FindingsList findings={result.findings} lines={new Map()} />
      </div>
    </section>
  );
}
