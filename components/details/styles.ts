// Class names the detail page's components share, so links and boxes look the same across tabs.

export const LINK_CLASS = 'text-sky-700 underline hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-200';
export const BOX_CLASS = 'rounded border border-slate-200 p-4 dark:border-slate-800';
export const HEADING_CLASS = 'mb-2 text-sm font-semibold';
// The graph toolbar's button look, restated: its module is a client module, whose exports a server component
// (the route's loading fallback imports details-states.tsx) would receive as references, not strings.
export const BUTTON_CLASS =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';
