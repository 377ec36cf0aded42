'use client';

import type { TrafficModel } from '@/lib/mesh/traffic/types';
import { BUTTON_CLASS } from '../details/styles';
import { formatRps } from '../graph/format';
import { CONTROL_CLASS } from '../graph/toolbar-controls';
import { wholeNumber } from './checks';
import { describedBy, FieldMessage } from './field';
import { projectRps } from './projection';
import { SectionForm } from './section-form';
import { evenSplit, shiftingSpec, SUM_FIELD, weightField, weightSum, withWeights } from './shifting';
import { useSectionPipeline } from './use-section-pipeline';
import { useVersionRates } from './use-version-rates';

const SUM_ID = 'traffic-shifting-sum';

/** One weight per version, with what each receives now and would receive at today's load (the what-if). */
export function ShiftingForm({ model }: { model: TrafficModel }) {
  const p = useSectionPipeline(model, shiftingSpec);
  const rates = useVersionRates(model.namespace, model.service);
  const { rows } = p.form;
  const projected = projectRps(rates.total ?? 0, rows.map((r) => wholeNumber(r.weight)));
  const setWeight = (i: number, weight: string) => p.setForm({ rows: rows.map((r, j) => (j === i ? { ...r, weight } : r)) });
  const rateText = (rps: number | undefined) => (rates.error !== undefined ? 'unknown' : rps === undefined ? (rates.pending ? '…' : '0') : formatRps(rps));
  const sum = weightSum(p.form);

  if (rows.length === 0) {
    return <p role="status">No workloads with a version label back this service, so there is nothing to shift traffic between.</p>;
  }
  return (
    <SectionForm
      title="Traffic shifting"
      intro="Share the service's requests among its versions (the default route). Weights are whole percentages adding up to 100."
      model={model}
      pipeline={p}
    >
      <table className="w-full max-w-3xl text-left text-sm">
        <thead>
          <tr className="text-xs text-slate-500">
            <th scope="col" className="py-1 font-medium">Version</th>
            <th scope="col" className="py-1 font-medium">Weight (%)</th>
            <th scope="col" className="py-1 text-right font-medium">Now (rps)</th>
            <th scope="col" className="py-1 text-right font-medium">If applied (rps)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const error = p.errors[weightField(row.subset)];
            const errorId = `traffic-weight-${row.subset}-error`;
            return (
              <tr key={row.subset} data-version={row.version} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-2 font-normal">
                  {row.version}
                  {row.orphan && <span className="block text-xs text-degraded">no workloads carry this subset</span>}
                </th>
                <td className="py-2">
                  <div className="flex items-center gap-2">
                    <input
                      type="range"
                      min={0}
                      max={100}
                      step={1}
                      value={wholeNumber(row.weight) ?? 0}
                      onChange={(e) => setWeight(i, e.target.value)}
                      aria-label={`Weight of ${row.version} (slider)`}
                      className="w-40"
                    />
                    <input
                      type="number"
                      min={0}
                      max={100}
                      step={1}
                      value={row.weight}
                      onChange={(e) => setWeight(i, e.target.value)}
                      aria-label={`Weight of ${row.version} in %`}
                      className={`${CONTROL_CLASS} w-20`}
                      {...describedBy(errorId, error)}
                    />
                  </div>
                  <FieldMessage id={errorId} message={error} />
                </td>
                <td className="py-2 text-right tabular-nums">{rateText(rates.byVersion?.[row.version])}</td>
                <td className="py-2 text-right tabular-nums">{rates.error !== undefined ? 'unknown' : rateText(projected[i])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div aria-live="polite" id={SUM_ID}>
        <p className="text-sm">
          Total: <span className="font-semibold tabular-nums">{sum}%</span>
          {rates.total !== undefined && ` · ${formatRps(rates.total)} rps now in all`}
        </p>
        <FieldMessage id={`${SUM_ID}-error`} message={p.errors[SUM_FIELD]} />
      </div>
      {rates.error !== undefined && <p className="text-xs text-slate-600 dark:text-slate-400">Current rates unavailable: {rates.error}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON_CLASS} onClick={() => p.setForm(withWeights(p.form, evenSplit(rows.length)))}>
          Even split
        </button>
        {rows.map((row, i) => (
          <button key={row.subset} type="button" className={BUTTON_CLASS} onClick={() => p.setForm(withWeights(p.form, rows.map((_, j) => (j === i ? 100 : 0))))}>
            All to {row.version}
          </button>
        ))}
      </div>
    </SectionForm>
  );
}
