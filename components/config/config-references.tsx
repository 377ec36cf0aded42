import Link from 'next/link';
import type { IstioConfigDetails } from '@/lib/mesh/istio/api-types';
import { detailHref } from '../inventory/kinds';
import { configObjectHref, configRefText } from './config-links';

const LINK = 'text-sky-700 underline hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-200';

interface Group {
  heading: string;
  links: { key: string; text: string; href: string }[];
}

/** Services, workloads and other Istio objects the object names or is named by, each a link to its page. */
export function ConfigReferences({ references, namespace }: { references: IstioConfigDetails['references']; namespace: string }) {
  // Items of the object's own namespace go by their name; others carry their namespace.
  const named = (ref: { namespace: string; name: string }) => (ref.namespace === namespace ? ref.name : `${ref.namespace}/${ref.name}`);
  const groups: Group[] = [
    {
      heading: 'Services',
      links: references.services.map((s) => ({ key: `${s.namespace}/${s.name}`, text: named(s), href: detailHref('services', s.namespace, s.name) })),
    },
    {
      heading: 'Workloads',
      links: references.workloads.map((w) => ({ key: `${w.namespace}/${w.name}`, text: named(w), href: detailHref('workloads', w.namespace, w.name) })),
    },
    {
      heading: 'Istio objects',
      links: references.objects.map((o) => ({ key: configRefText(o), text: `${o.kind} ${named(o)}`, href: configObjectHref(o) })),
    },
  ];
  if (groups.every((g) => g.links.length === 0)) return <p className="text-sm text-slate-600 dark:text-slate-400">It names no services, workloads or other Istio objects.</p>;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {groups.map((g) => (
        <div key={g.heading}>
          <h3 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">{g.heading}</h3>
          {g.links.length === 0 ? (
            <p className="text-sm text-slate-500">None</p>
          ) : (
            <ul className="space-y-0.5 text-sm" aria-label={g.heading}>
              {g.links.map((l) => (
                <li key={l.key}>
                  <Link href={l.href} className={LINK}>
                    {l.text}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
