import type { Severity } from '@/lib/mesh/istio/types';
import { SEVERITY_LABEL } from './severity';

/** The id of a YAML line's element, for `#L12` links that scroll to it. */
export const yamlLineId = (line: number) => `L${line}`;

const MARK_CLASS: Record<Severity, string> = {
  error: 'bg-failure/15',
  warning: 'bg-degraded/20',
  info: 'bg-sky-100 dark:bg-sky-950',
};

/**
 * The object's YAML, read-only, with line numbers. Lines that findings point at are tinted and named in hidden
 * text; the line a `#L12` link targets gets an outline, so the address says which line is being looked at.
 */
export function YamlView({ yaml, marks }: { yaml: string; marks: ReadonlyMap<number, Severity> }) {
  const lines = yaml.replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  return (
    <pre aria-label="YAML" tabIndex={0} className="overflow-auto rounded border border-slate-200 bg-slate-50 py-2 font-mono text-xs leading-5 dark:border-slate-800 dark:bg-slate-950">
      <code>
        {lines.map((text, i) => {
          const n = i + 1;
          const mark = marks.get(n);
          return (
            <span
              key={n}
              id={yamlLineId(n)}
              data-line={n}
              data-mark={mark}
              className={`block scroll-mt-20 pr-3 target:outline target:outline-2 target:outline-sky-500 ${mark ? MARK_CLASS[mark] : ''}`}
            >
              <span aria-hidden className="mr-3 inline-block border-r border-slate-200 pr-2 pl-2 text-right text-slate-400 select-none dark:border-slate-800" style={{ minWidth: `${width + 2}ch` }}>
                {n}
              </span>
              {text}
              {mark && <span className="sr-only"> ({SEVERITY_LABEL[mark]} here)</span>}
            </span>
          );
        })}
      </code>
    </pre>
  );
}
