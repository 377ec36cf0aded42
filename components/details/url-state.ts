// The detail page's shareable state, read from and written to the URL. Pure: no React, no Next.

import type { InventoryKind } from '@/lib/mesh/inventory/types';
import { MAX_POINTS, pointCount } from '@/lib/mesh/metrics/step';
import { DEFAULT_SECTION, trafficSectionOf, type TrafficSection } from '../traffic/sections';
import { ALL_DURATIONS, durationLabel, REFRESH_INTERVALS } from '../ui/time-choices';

export const DETAIL_TABS = ['overview', 'inbound', 'outbound', 'traffic', 'manage', 'resources'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const TAB_LABELS: Record<DetailTab, string> = {
  overview: 'Overview',
  inbound: 'Inbound',
  outbound: 'Outbound',
  traffic: 'Traffic',
  manage: 'Traffic management',
  resources: 'Sidecar resources',
};

// A service only receives (its workloads send), and has no proxy of its own to measure; its routing is what the
// traffic-management forms edit.
const TABS_BY_KIND: Record<InventoryKind, readonly DetailTab[]> = {
  services: ['overview', 'inbound', 'traffic', 'manage'],
  workloads: ['overview', 'inbound', 'outbound', 'traffic', 'resources'],
  apps: ['overview', 'inbound', 'outbound', 'traffic', 'resources'],
};

/** The tabs a kind of item has, in display order. */
export function tabsFor(kind: InventoryKind): readonly DetailTab[] {
  return TABS_BY_KIND[kind];
}

/** The choices of the duration picker; the metrics API takes 1m to 7d. */
export const DURATIONS = ALL_DURATIONS;

/** Explicit steps offered besides "auto" (which lets the server pick about 120 points). */
export const STEPS = [
  { seconds: 15, label: '15s' },
  { seconds: 30, label: '30s' },
  { seconds: 60, label: '1m' },
  { seconds: 300, label: '5m' },
  { seconds: 900, label: '15m' },
  { seconds: 1800, label: '30m' },
  { seconds: 3600, label: '1h' },
  { seconds: 10800, label: '3h' },
] as const;

export { REFRESH_INTERVALS };

export interface DetailsUrlState {
  tab: DetailTab;
  /** Seconds of history the charts and the traffic table cover. */
  duration: number;
  /** Seconds between chart points; null lets the server choose. */
  step: number | null;
  /** Seconds between refreshes; 0 pauses. */
  refresh: number;
  /** One series per version (see lib/mesh/metrics/queries.ts for whose version). */
  byVersion: boolean;
  /** The traffic-management tab's section. */
  section: TrafficSection;
}

export const DEFAULT_DETAILS_URL_STATE: DetailsUrlState = {
  tab: 'overview',
  duration: 600,
  step: null,
  refresh: 30,
  byVersion: false,
  section: DEFAULT_SECTION,
};

/**
 * Whether a step suits a duration as the metrics API judges it: no longer than the duration, and not so short
 * that Prometheus would refuse the number of points (the API answers 400 for either).
 */
export function stepFits(step: number, duration: number): boolean {
  return step <= duration && pointCount(duration, step) - 1 <= MAX_POINTS;
}

/** The explicit steps the picker offers for a duration. */
export function stepChoices(duration: number): { seconds: number; label: string }[] {
  return STEPS.filter((s) => stepFits(s.seconds, duration));
}

function seconds(raw: string | null, allowed: readonly { seconds: number }[]): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return allowed.some((a) => a.seconds === n) ? n : undefined;
}

/**
 * Makes a state consistent for its kind: a tab the kind lacks becomes the overview, and a step that no longer
 * fits the duration (after a shorter or longer duration was picked) goes back to auto.
 */
export function normalizeDetailsUrlState(state: DetailsUrlState, kind: InventoryKind): DetailsUrlState {
  const tab = tabsFor(kind).includes(state.tab) ? state.tab : DEFAULT_DETAILS_URL_STATE.tab;
  const step = state.step !== null && stepFits(state.step, state.duration) ? state.step : null;
  return { ...state, tab, step };
}

/** Reads the state from URL search params; unknown or invalid values fall back to the defaults. */
export function parseDetailsUrlState(params: URLSearchParams, kind: InventoryKind): DetailsUrlState {
  const d = DEFAULT_DETAILS_URL_STATE;
  const rawTab = params.get('tab');
  const tab = DETAIL_TABS.find((t) => t === rawTab) ?? d.tab;
  const byVersion = params.get('byVersion');
  return normalizeDetailsUrlState(
    {
      tab,
      duration: seconds(params.get('duration'), DURATIONS) ?? d.duration,
      step: seconds(params.get('step'), STEPS) ?? d.step,
      refresh: seconds(params.get('refresh'), REFRESH_INTERVALS) ?? d.refresh,
      byVersion: byVersion === 'true' || byVersion === '1',
      section: trafficSectionOf(params.get('section')),
    },
    kind,
  );
}

/** Writes the state as URL search params, each value only when it differs from the default. */
export function serializeDetailsUrlState(state: DetailsUrlState, kind: InventoryKind): URLSearchParams {
  const s = normalizeDetailsUrlState(state, kind);
  const d = DEFAULT_DETAILS_URL_STATE;
  const out = new URLSearchParams();
  if (s.tab !== d.tab) out.set('tab', s.tab);
  if (s.duration !== d.duration) out.set('duration', String(s.duration));
  if (s.step !== null) out.set('step', String(s.step));
  if (s.refresh !== d.refresh) out.set('refresh', String(s.refresh));
  if (s.byVersion) out.set('byVersion', 'true');
  // Only the traffic-management tab has sections; a shared link names the one it shows.
  if (s.tab === 'manage') out.set('section', s.section);
  return out;
}

export { durationLabel };
