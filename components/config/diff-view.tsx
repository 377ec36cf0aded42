import type { DiffHunk } from '@/lib/mesh/diff/line-diff';

const OP_CLASS = { keep: '', remove: 'bg-failure/15', add: 'bg-healthy/20' } as const;
const OP_MARK = { keep: ' ', remove: '−', add: '+' } as const;
const OP_WORD = { keep: '', remove: 'removed: ', add: 'added: ' } as const;

/** What an edit changes, hunk by hunk, each line marked removed or added in words as well as colour. */
export function DiffView({ hunks, label = 'Changes' }: { hunks: readonly DiffHunk[]; label?: string }) {
  if (hunks.length === 0) return <p role="status">No changes: the object would stay exactly as it is.</p>;
  return (
    <div aria-label={label} role="group" className="space-y-2">
      {hunks.map((hunk, i) => (
        <pre key={i} data-diff-hunk className="overflow-auto rounded border border-slate-200 bg-slate-50 py-1 font-mono text-xs leading-5 dark:border-slate-800 dark:bg-slate-950">
          <code>
            {hunk.lines.map((line, j) => (
              <span key={j} data-op={line.op} className={`block pr-3 ${OP_CLASS[line.op]}`}>
                <span aria-hidden className="inline-block w-8 pr-2 text-right text-slate-400 select-none">
                  {line.newLine ?? line.oldLine}
                </span>
                <span aria-hidden className="inline-block w-4 select-none">
                  {OP_MARK[line.op]}
                </span>
                <span className="sr-only">{OP_WORD[line.op]}</span>
                {line.text}
              </span>
            ))}
          </code>
        </pre>
      ))}
    </div>
  );
}
