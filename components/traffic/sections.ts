// The sections of the traffic-management tab, as the URL names them (`?tab=manage&section=shifting`). Pure.

export const TRAFFIC_SECTIONS = ['shifting', 'routing', 'faults', 'timeouts', 'circuit', 'history'] as const;
export type TrafficSection = (typeof TRAFFIC_SECTIONS)[number];

export const DEFAULT_SECTION: TrafficSection = 'shifting';

export const SECTION_LABELS: Record<TrafficSection, string> = {
  shifting: 'Traffic shifting',
  routing: 'Request routing',
  faults: 'Fault injection',
  timeouts: 'Timeouts and retries',
  circuit: 'Circuit breaker',
  history: 'History',
};

/** The section a URL value names (exact spelling), or the default for anything else. */
export function trafficSectionOf(value: string | null | undefined): TrafficSection {
  return TRAFFIC_SECTIONS.find((s) => s === value) ?? DEFAULT_SECTION;
}
