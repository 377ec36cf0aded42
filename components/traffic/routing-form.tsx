'use client';

import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { BOX_CLASS, BUTTON_CLASS } from '../details/styles';
import { TextField } from './field';
import { replaceAt } from './list-edit';
import { Conditions, Destinations } from './rule-parts';
import { addRule, moveRule, removeRule, rulesSpec, subsetChoices, type RuleRow } from './rules';
import { useSectionPipeline } from './use-section-pipeline';
import { SectionForm } from './section-form';

/** Ordered routing rules before the default route: the first rule whose conditions all hold routes the request. */
export function RoutingForm({ model }: { model: TrafficModel }) {
  const p = useSectionPipeline(model, rulesSpec);
  const { rules } = p.form;
  const subsets = subsetChoices(model);
  const setRule = (i: number, rule: RuleRow) => p.setForm({ ...p.form, rules: replaceAt(rules, i, rule) });
  return (
    <SectionForm
      title="Request routing"
      intro="Rules are tried in order; requests no rule matches follow the default route (Traffic shifting)."
      model={model}
      pipeline={p}
    >
      {rules.length === 0 && <p role="status">No routing rules: every request follows the default route.</p>}
      <ol className="space-y-3">
        {rules.map((rule, i) => {
          const label = `Rule ${i + 1}`;
          const at = `rules[${i}]`;
          return (
            <li key={rule.key} className={`${BOX_CLASS} space-y-3`} aria-label={label}>
              <div className="flex flex-wrap items-end gap-2">
                <h4 className="mr-2 text-sm font-semibold">{label}</h4>
                <TextField label="Name (optional)" value={rule.name} onChange={(name) => setRule(i, { ...rule, name })} className="w-48" />
                <button type="button" className={BUTTON_CLASS} disabled={i === 0} onClick={() => p.setForm(moveRule(p.form, i, -1))} aria-label={`Move ${label} up`}>
                  Move up
                </button>
                <button type="button" className={BUTTON_CLASS} disabled={i === rules.length - 1} onClick={() => p.setForm(moveRule(p.form, i, 1))} aria-label={`Move ${label} down`}>
                  Move down
                </button>
                <button type="button" className={BUTTON_CLASS} onClick={() => p.setForm(removeRule(p.form, i))} aria-label={`Remove ${label}`}>
                  Remove
                </button>
              </div>
              <Conditions rows={rule.match} at={at} errors={p.errors} ruleLabel={label} onChange={(match) => setRule(i, { ...rule, match })} />
              <Destinations rows={rule.route} at={at} errors={p.errors} subsets={subsets} ruleLabel={label} onChange={(route) => setRule(i, { ...rule, route })} />
            </li>
          );
        })}
      </ol>
      <button type="button" className={BUTTON_CLASS} onClick={() => p.setForm(addRule(p.form, subsets[0] ?? ''))} disabled={subsets.length === 0}>
        Add rule
      </button>
    </SectionForm>
  );
}
