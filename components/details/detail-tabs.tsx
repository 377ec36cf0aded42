'use client';

import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabKeyTarget } from './tab-keys';
import { TAB_LABELS, type DetailTab } from './url-state';

/** The ids tying a tab to its panel, from a prefix unique on the page. */
export function tabIds(prefix: string, tab: DetailTab): { tab: string; panel: string } {
  return { tab: `${prefix}-tab-${tab}`, panel: `${prefix}-panel-${tab}` };
}

/**
 * A tab list after the WAI-ARIA tabs pattern: one tab stop, arrows move and select (a tab switch is cheap: its
 * data is already cached or loads with its own placeholder), and the chosen panel below carries the tab's name.
 */
export function DetailTabs({
  tabs,
  selected,
  onSelect,
  idPrefix,
  children,
}: {
  tabs: readonly DetailTab[];
  selected: DetailTab;
  onSelect: (tab: DetailTab) => void;
  idPrefix: string;
  children: ReactNode;
}) {
  const refs = useRef(new Map<DetailTab, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const target = tabKeyTarget(e.key, tabs.indexOf(selected), tabs.length);
    const tab = target === undefined ? undefined : tabs[target];
    if (tab === undefined) return;
    e.preventDefault();
    onSelect(tab);
    refs.current.get(tab)?.focus();
  };
  const ids = tabIds(idPrefix, selected);
  return (
    <div>
      <div role="tablist" aria-label="Views" onKeyDown={onKeyDown} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {tabs.map((tab) => {
          const active = tab === selected;
          const { tab: tabId, panel } = tabIds(idPrefix, tab);
          return (
            <button
              key={tab}
              ref={(el) => {
                if (el) refs.current.set(tab, el);
                else refs.current.delete(tab);
              }}
              type="button"
              role="tab"
              id={tabId}
              aria-selected={active}
              // Only the chosen tab's panel is in the page to point at.
              aria-controls={active ? panel : undefined}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm ${
                active
                  ? 'border-sky-600 font-semibold text-sky-800 dark:text-sky-300'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
              }`}
            >
              {TAB_LABELS[tab]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
