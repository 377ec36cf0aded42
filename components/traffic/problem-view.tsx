import Link from 'next/link';
import type { ReactNode } from 'react';
import { configObjectHref } from '../config/config-links';
import { DiffView } from '../config/diff-view';
import { BUTTON_CLASS, LINK_CLASS } from '../details/styles';
import type { PipelineProblem } from './pipeline';

/** The problem's headline in bold, then the server's words. */
function Lead({ title, children }: { title: string; children: ReactNode }) {
  return (
    <p>
      <span className="font-semibold">{title}</span> {children}
    </p>
  );
}

/**
 * Why a preview, apply or revert failed, and what the user can do: fix fields (400), ask for rights (403), see what
 * changed meanwhile and reload (409), read the API server's words or edit the YAML instead (422).
 */
export function ProblemView({
  problem,
  namespace,
  virtualService,
  onReload,
  reloadNote,
}: {
  problem: PipelineProblem;
  namespace: string;
  /** The VirtualService's name, for the YAML editor's link. */
  virtualService: string;
  onReload: () => void;
  /** What reloading does to the user's edits. */
  reloadNote: string;
}) {
  return (
    <div role="alert" data-problem={problem.kind} className="space-y-2 rounded border border-failure/40 bg-failure/10 px-3 py-2 text-sm">
      {problem.kind === 'fields' && (
        <>
          <Lead title="The server refused some values:">{problem.message}</Lead>
          {problem.fields.length > 0 && (
            <ul className="list-inside list-disc">
              {problem.fields.map((f) => (
                <li key={f.field}>
                  <code>{f.field}</code>: {f.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {problem.kind === 'forbidden' && (
        <Lead title={problem.message}>({problem.detail})</Lead>
      )}
      {problem.kind === 'conflict' && (
        <>
          <Lead title="Someone changed this service's routing since you read it; nothing was written.">{problem.message}</Lead>
          {problem.diffs.map((d) => (
            <DiffView key={d.label} hunks={d.hunks} label={d.label} />
          ))}
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={BUTTON_CLASS} onClick={onReload}>
              Reload the latest
            </button>
            <span>{reloadNote}</span>
          </div>
        </>
      )}
      {problem.kind === 'refused' && (
        <>
          <Lead title="The API server refused the change:">{problem.message}</Lead>
          {problem.unsupported.length > 0 && (
            <p>
              The form cannot represent this VirtualService ({problem.unsupported.join('; ')}).{' '}
              <Link href={configObjectHref({ namespace, kind: 'VirtualService', name: virtualService })} className={LINK_CLASS}>
                Edit its YAML instead
              </Link>
              .
            </p>
          )}
        </>
      )}
      {problem.kind === 'other' && (
        <Lead title="The change did not go through:">{problem.message}</Lead>
      )}
    </div>
  );
}
