import Link from 'next/link';
import type { Finding } from '@/lib/mesh/istio/types';
import { configObjectHref, configRefText } from './config-links';
import { SEVERITY_ICON, SEVERITY_LABEL, SEVERITY_TEXT_CLASS } from './severity';
import { yamlLineId } from './yaml-view';

const LINK = 'text-sky-700 underline hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-200';

/** The object's findings: severity as icon and word, the rule's code, the message, and where (a link to the line). */
export function FindingsList({ findings, lines }: { findings: readonly Finding[]; lines: ReadonlyMap<string, number> }) {
  if (findings.length === 0) {
    return (
      <p role="status" className="text-sm text-healthy">
        <span aria-hidden>✓ </span>No findings: this object is valid.
      </p>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Findings">
      {findings.map((f, i) => {
        const line = lines.get(f.path);
        return (
          <li key={`${f.code}-${f.path}-${i}`} data-finding={f.code} data-severity={f.severity} className="rounded border border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className={`font-semibold whitespace-nowrap ${SEVERITY_TEXT_CLASS[f.severity]}`}>
                <span aria-hidden>{SEVERITY_ICON[f.severity]} </span>
                {SEVERITY_LABEL[f.severity]}
              </span>
              <code className="text-xs text-slate-500 dark:text-slate-400">{f.code}</code>
              <span className="flex-1">{f.message}</span>
            </div>
            {(f.path !== '' || (f.related?.length ?? 0) > 0) && (
              <div className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
                {f.path && (
                  <span>
                    at <code>{f.path}</code>
                    {line !== undefined && (
                      <>
                        {' '}
                        (<a href={`#${yamlLineId(line)}`} className={LINK}>line {line}</a>)
                      </>
                    )}
                  </span>
                )}
                {f.related?.map((ref) => (
                  <Link key={configRefText(ref)} href={configObjectHref(ref)} className={LINK}>
                    {configRefText(ref)}
                  </Link>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
