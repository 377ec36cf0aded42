import Link from 'next/link';
import type { ReactNode } from 'react';
import type { InventoryDetails } from '@/lib/mesh/inventory/types';
import { KeyValues } from './key-values';
import { configHref } from './links';
import { istioLinks, itemFacts, itemVersions, relatedGroups } from './overview';
import { PodsTable } from './pods-table';
import { BOX_CLASS, HEADING_CLASS, LINK_CLASS } from './styles';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className={BOX_CLASS}>
      <h2 className={HEADING_CLASS}>{title}</h2>
      {children}
    </section>
  );
}

function IstioObjects({ details }: { details: InventoryDetails }) {
  const links = istioLinks(details.item.istio, details.item.namespace);
  if (links.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        None applies. <Link href={configHref(details.item.namespace)} className={LINK_CLASS}>Istio config of {details.item.namespace}</Link>
      </p>
    );
  }
  return (
    <ul className="space-y-1 text-sm">
      {links.map((ref) => (
        <li key={`${ref.kind}/${ref.namespace}/${ref.name}`}>
          <span className="text-slate-500">{ref.kind}</span>{' '}
          <Link href={ref.href} className={LINK_CLASS}>
            {ref.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** What the item is: facts, versions, labels (and a service's selector), pods, related items and Istio objects. */
export function OverviewTab({ details }: { details: InventoryDetails }) {
  const { item, pods } = details;
  const versions = itemVersions(details);
  const related = relatedGroups(item);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Details">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {itemFacts(item).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
          <dt className="text-slate-500">Versions</dt>
          <dd>{versions.length > 0 ? versions.join(', ') : 'none labelled'}</dd>
        </dl>
      </Section>
      <Section title="Related">
        {related.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing related found.</p>
        ) : (
          <dl className="space-y-2 text-sm">
            {related.map((group) => (
              <div key={group.heading}>
                <dt className="text-slate-500">{group.heading}</dt>
                <dd className="flex flex-wrap gap-x-3">
                  {group.links.map((link) => (
                    <Link key={link.href} href={link.href} className={LINK_CLASS}>
                      {link.name}
                    </Link>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      <Section title="Labels">
        <KeyValues label="Labels" values={item.labels} />
      </Section>
      {item.kind === 'services' && (
        <Section title="Selector">
          <KeyValues label="Selector" values={item.selector} />
        </Section>
      )}
      <Section title="Istio config">
        <IstioObjects details={details} />
      </Section>
      <div className="lg:col-span-2">
        <Section title={`Pods (${pods.length})`}>
          <PodsTable pods={pods} />
        </Section>
      </div>
    </div>
  );
}
