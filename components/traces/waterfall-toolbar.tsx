import { BUTTON_CLASS, CONTROL_CLASS, ToolbarCheckbox } from '../graph/toolbar-controls';
import { axisTicks } from './format';

export interface WaterfallToolbarProps {
  onCollapseAll: () => void;
  onExpandAll: () => void;
  showCritical: boolean;
  onShowCritical: (show: boolean) => void;
  /** False when the trace has no critical path to show. */
  hasCritical: boolean;
  find: string;
  onFind: (text: string) => void;
  matchCount: number;
}

/** The waterfall's controls: collapse and expand all, the critical path, find. */
export function WaterfallToolbar({ onCollapseAll, onExpandAll, showCritical, onShowCritical, hasCritical, find, onFind, matchCount }: WaterfallToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={BUTTON_CLASS} onClick={onCollapseAll}>
        Collapse all
      </button>
      <button type="button" className={BUTTON_CLASS} onClick={onExpandAll}>
        Expand all
      </button>
      <ToolbarCheckbox label="Critical path" checked={showCritical} onChange={onShowCritical} note={hasCritical ? undefined : 'none computed'} />
      <input type="search" aria-label="Find spans" placeholder="Find spans" value={find} onChange={(e) => onFind(e.target.value)} className={`${CONTROL_CLASS} w-48`} />
      {find.trim() && (
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {matchCount} matching spans
        </span>
      )}
      <span className="ml-auto text-xs text-slate-500">Keys: j/k move, Enter details, h/l collapse/expand</span>
    </div>
  );
}

/** The column headings over the rows, with the time axis's ticks. */
export function WaterfallAxis({ durationUs }: { durationUs: number }) {
  return (
    <div aria-hidden className="flex text-[10px] text-slate-500">
      <span className="w-2/5">Service and operation</span>
      <span className="relative h-3 w-3/5">
        {axisTicks(durationUs).map((t) => (
          <span key={t.percent} className="absolute" style={t.percent < 100 ? { left: `${t.percent}%` } : { right: 0 }}>
            {t.label}
          </span>
        ))}
      </span>
    </div>
  );
}
