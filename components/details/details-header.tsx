import Link from 'next/link';
import type { InventoryDetails, InventoryItem } from '@/lib/mesh/inventory/types';
import { HEALTH_TEXT, trafficSummary } from './health-text';
import { graphHref, KIND_TITLE, tracesHref, type ItemRef } from './links';
import { LINK_CLASS } from './styles';
import { durationLabel } from './url-state';

/** Health as a coloured dot, a word and the reasons; the word carries the meaning, the colour only repeats it. */
function HealthLine({ item, window }: { item: InventoryItem; window: number }) {
  const report = item.health;
  const text = HEALTH_TEXT[report.health];
  const traffic = trafficSummary(report);
  return (
    <div className="mt-2 text-sm">
      <p>
        <span aria-hidden className={`mr-1.5 inline-block h-2.5 w-2.5 rounded-full bg-current ${text.className}`} />
        <span className={`font-semibold ${text.className}`}>{text.word}</span>
        <span className="text-slate-600 dark:text-slate-400">
          {traffic ? ` · ${traffic}` : ''} over the last {durationLabel(window)}
        </span>
      </p>
      {report.reasons.length > 0 && (
        <ul aria-label="Health reasons" className="mt-1 list-disc pl-5 text-slate-700 dark:text-slate-300">
          {report.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The page's heading: kind, namespace and name straight from the URL (so they show even when the item fails to
 * load), then health once the item is here, and the links onwards.
 */
export function DetailsHeader({ item, details, loading }: { item: ItemRef; details?: InventoryDetails; loading: boolean }) {
  const traces = tracesHref(item, details?.item);
  return (
    <header className="mb-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {KIND_TITLE[item.kind]} in namespace <span className="font-medium text-slate-800 dark:text-slate-200">{item.namespace}</span>
      </p>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="break-all text-2xl font-semibold">{item.name}</h1>
        <nav aria-label="Elsewhere" className="flex gap-3 text-sm">
          <Link href={graphHref(item)} className={LINK_CLASS}>
            Graph
          </Link>
          {traces && (
            <Link href={traces} className={LINK_CLASS}>
              Traces
            </Link>
          )}
        </nav>
      </div>
      {details ? (
        <HealthLine item={details.item} window={details.duration} />
      ) : (
        loading && (
          <p role="status" className="mt-2 text-sm text-slate-500">
            Loading health…
          </p>
        )
      )}
    </header>
  );
}
