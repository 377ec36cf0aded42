'use client';

import { BUTTON_CLASS } from '../details/styles';
import { SECTION_LABELS, TRAFFIC_SECTIONS, type TrafficSection } from './sections';

/** The sections of the tab as a row of buttons; the chosen one is marked current (and kept in the URL). */
export function SectionNav({ selected, onSelect, sections = TRAFFIC_SECTIONS }: { selected: TrafficSection; onSelect: (s: TrafficSection) => void; sections?: readonly TrafficSection[] }) {
  return (
    <nav aria-label="Traffic management sections">
      <ul className="flex flex-wrap gap-2">
        {sections.map((s) => (
          <li key={s}>
            <button
              type="button"
              aria-current={s === selected ? 'true' : undefined}
              onClick={() => onSelect(s)}
              className={`${BUTTON_CLASS} ${s === selected ? 'border-sky-600 font-semibold text-sky-800 dark:text-sky-300' : ''}`}
            >
              {SECTION_LABELS[s]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
