import type { ReactNode } from 'react';
import type { IstioConfigDetails } from '@/lib/mesh/istio/api-types';
import { ValidationCell } from './config-table';
import { ConfigReferences } from './config-references';
import { FindingsList } from './findings-list';
import { YamlSection } from './yaml-section';
import { findingMarks, pathLines } from './yaml-lines';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** One Istio object: what it is, what is wrong with it, its YAML with those places marked, and what it names. */
export function ConfigObjectView({ details }: { details: IstioConfigDetails }) {
  const { item, yaml, references } = details;
  const lines = pathLines(
    yaml,
    item.findings.map((f) => f.path),
  );
  const facts: [string, string][] = [
    ['Kind', item.kind],
    ['Namespace', item.namespace],
    ['Created', item.createdAt ?? '—'],
    ['Resource version', item.resourceVersion ?? '—'],
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">{item.kind}</p>
        <h1 className="text-2xl font-semibold">{item.name}</h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[repeat(4,max-content_auto)]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm">
          Validation: <ValidationCell item={item} />
        </p>
      </header>
      <Section title="Findings">
        <FindingsList findings={item.findings} lines={lines} />
      </Section>
      <Section title="YAML">
        <YamlSection item={item} yaml={yaml} marks={findingMarks(item.findings, lines)} />
      </Section>
      <Section title="References">
        <ConfigReferences references={references} namespace={item.namespace} />
      </Section>
    </div>
  );
}
