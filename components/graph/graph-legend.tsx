const HEALTH = [
  { label: 'Healthy', className: 'bg-healthy' },
  { label: 'Degraded', className: 'bg-degraded' },
  { label: 'Failure', className: 'bg-failure' },
  { label: 'No traffic', className: 'bg-idle' },
] as const;

const SHAPES = [
  { label: 'App', className: 'rounded-sm' },
  { label: 'Workload', className: 'rounded-full' },
] as const;

/** What colours, shapes and marks on the canvas mean. */
export function GraphLegend() {
  return (
    <div aria-label="Legend" role="note" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      {HEALTH.map((h) => (
        <span key={h.label} className="flex items-center gap-1">
          <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${h.className}`} />
          {h.label}
        </span>
      ))}
      {SHAPES.map((s) => (
        <span key={s.label} className="flex items-center gap-1">
          <span aria-hidden className={`inline-block h-3 w-3 border border-slate-500 ${s.className}`} />
          {s.label}
        </span>
      ))}
      <span>▲ Service</span>
      <span>◆ Unknown source</span>
      <span>Double ring: entry point</span>
      <span>Dashed outline: outside the mesh</span>
      <span>Dotted edge: no traffic</span>
      <span>🔒 mTLS (&gt;95%)</span>
    </div>
  );
}
