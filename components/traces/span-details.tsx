import type { Attributes, Span } from '@/lib/mesh/traces/types';
import { CopyLinkButton } from './copy-link-button';
import { formatDurationUs } from './format';
import { spanHref } from './span-link';

function AttributeTable({ title, attributes }: { title: string; attributes: Attributes }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <details open={entries.length > 0 && entries.length <= 20}>
      <summary className="cursor-pointer text-xs font-semibold">
        {title} ({entries.length})
      </summary>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
        {entries.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all">{String(v)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Everything about one span: timing, status, attributes, resource, events and links. */
export function SpanDetails({ span, traceStartUs, onClose }: { span: Span; traceStartUs: number; onClose: () => void }) {
  return (
    <section aria-label={`Span ${span.operation}`} className="space-y-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold">
          {span.service}: {span.operation}
        </h2>
        <div className="flex flex-wrap items-center justify-end gap-3 text-xs">
          {/* A plain anchor: it is this page's own address, there to share or open anew, and keeps next/link out of the
              waterfall's bundle (the benchmark bundles it without Next). */}
          <a href={spanHref(span.traceId, span.spanId)} className="text-sky-700 underline dark:text-sky-400">
            Link to this span
          </a>
          <CopyLinkButton href={spanHref(span.traceId, span.spanId)} className="underline" />
          <button type="button" onClick={onClose} className="underline">
            Close
          </button>
        </div>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Span <span className="font-mono">{span.spanId}</span>, {span.kind}, starts at +{formatDurationUs(span.startUs - traceStartUs)}, takes {formatDurationUs(span.durationUs)}.
        Status <span className={span.status.code === 'error' ? 'font-semibold text-failure' : ''}>{span.status.code}</span>
        {span.status.message ? `: ${span.status.message}` : ''}.
      </p>
      <AttributeTable title="Attributes" attributes={span.attributes} />
      <AttributeTable title="Resource" attributes={span.resourceAttributes} />
      <details open={span.events.length > 0 && span.events.length <= 10}>
        <summary className="cursor-pointer text-xs font-semibold">Events ({span.events.length})</summary>
        <ol className="space-y-1 text-xs">
          {span.events.map((e, i) => (
            <li key={i}>
              <span className="font-medium">+{formatDurationUs(e.timeUs - traceStartUs)}</span> {e.name}
              <AttributeTable title="Attributes" attributes={e.attributes} />
            </li>
          ))}
        </ol>
      </details>
      <details open={span.links.length > 0}>
        <summary className="cursor-pointer text-xs font-semibold">Links ({span.links.length})</summary>
        <ul className="text-xs">
          {span.links.map((l) => (
            <li key={`${l.traceId}-${l.spanId}`}>
              <a href={`/traces/${l.traceId}`} className="font-mono text-sky-700 underline dark:text-sky-400">
                {l.traceId}
              </a>{' '}
              span <span className="font-mono">{l.spanId}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
