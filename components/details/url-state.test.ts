import { describe, expect, it } from 'vitest';
import type { InventoryKind } from '@/lib/mesh/inventory/types';
import {
  DEFAULT_DETAILS_URL_STATE,
  durationLabel,
  parseDetailsUrlState,
  serializeDetailsUrlState,
  stepChoices,
  tabsFor,
  type DetailsUrlState,
} from './url-state';

const D = DEFAULT_DETAILS_URL_STATE;
const parse = (query: string, kind: InventoryKind = 'workloads') => parseDetailsUrlState(new URLSearchParams(query), kind);

describe('parseDetailsUrlState', () => {
  it.each<[string, InventoryKind, Partial<DetailsUrlState>]>([
    ['', 'workloads', {}],
    ['tab=inbound&duration=3600&step=60&byVersion=true', 'services', { tab: 'inbound', duration: 3600, step: 60, byVersion: true }],
    ['tab=outbound', 'workloads', { tab: 'outbound' }],
    ['tab=resources', 'apps', { tab: 'resources' }],
    ['tab=traffic&refresh=0', 'services', { tab: 'traffic', refresh: 0 }],
    ['tab=manage&section=routing', 'services', { tab: 'manage', section: 'routing' }],
    ['tab=manage&section=nope', 'services', { tab: 'manage' }],
    // Only a service's routing is edited here.
    ['tab=manage', 'workloads', {}],
    // A service has no outbound side and no proxy of its own.
    ['tab=outbound', 'services', {}],
    ['tab=resources', 'services', {}],
    ['tab=Inbound', 'workloads', {}],
    ['tab=', 'workloads', {}],
    ['duration=604800', 'workloads', { duration: 604800 }],
    // Only the picker's durations: not arbitrary seconds, not units, not negative or fractional values.
    ['duration=601', 'workloads', {}],
    ['duration=1h', 'workloads', {}],
    ['duration=-600', 'workloads', {}],
    ['duration=600.5', 'workloads', {}],
    ['duration=1209600', 'workloads', {}],
    ['step=abc', 'workloads', {}],
    ['step=45', 'workloads', {}],
    // A step longer than the duration, or one giving more points than Prometheus takes, falls back to auto.
    ['duration=60&step=300', 'workloads', { duration: 60 }],
    ['duration=604800&step=30', 'workloads', { duration: 604800 }],
    ['duration=604800&step=60', 'workloads', { duration: 604800, step: 60 }],
    ['refresh=5', 'workloads', {}],
    ['refresh=10', 'workloads', { refresh: 10 }],
    ['byVersion=1', 'workloads', { byVersion: true }],
    ['byVersion=false', 'workloads', {}],
    ['byVersion=yes', 'workloads', {}],
  ])('%s (%s)', (query, kind, expected) => {
    expect(parse(query, kind)).toEqual({ ...D, ...expected });
  });
});

describe('serializeDetailsUrlState', () => {
  it.each<[Partial<DetailsUrlState>, InventoryKind, string]>([
    [{}, 'workloads', ''],
    [{ tab: 'inbound', duration: 3600, step: 60, byVersion: true }, 'services', 'tab=inbound&duration=3600&step=60&byVersion=true'],
    [{ refresh: 0 }, 'apps', 'refresh=0'],
    // What the kind cannot show, and a step the duration no longer fits, are not written.
    [{ tab: 'outbound' }, 'services', ''],
    [{ duration: 60, step: 300 }, 'workloads', 'duration=60'],
    [{ tab: 'manage' }, 'services', 'tab=manage&section=shifting'],
    [{ tab: 'manage', section: 'history' }, 'services', 'tab=manage&section=history'],
    // A section without its tab is not written.
    [{ tab: 'inbound', section: 'history' }, 'services', 'tab=inbound'],
    [{ tab: 'manage' }, 'apps', ''],
  ])('%o (%s) → %s', (change, kind, query) => {
    expect(serializeDetailsUrlState({ ...D, ...change }, kind).toString()).toBe(query);
  });

  it.each<[string, InventoryKind]>([
    ['tab=inbound&duration=3600&step=60&byVersion=true', 'workloads'],
    ['tab=traffic&duration=86400&refresh=60', 'services'],
    ['tab=manage&section=circuit', 'services'],
    ['tab=resources&duration=604800&step=3600&refresh=0', 'apps'],
  ])('round-trips %s', (query, kind) => {
    expect(serializeDetailsUrlState(parse(query, kind), kind).toString()).toBe(query);
  });
});

describe('choices', () => {
  it.each([
    [60, ['15s', '30s', '1m']],
    [600, ['15s', '30s', '1m', '5m']],
    [604800, ['1m', '5m', '15m', '30m', '1h', '3h']],
  ])('a %i s duration offers steps %o', (duration, labels) => {
    expect(stepChoices(duration).map((s) => s.label)).toEqual(labels);
  });

  it.each<[InventoryKind, string[]]>([
    ['services', ['overview', 'inbound', 'traffic', 'manage']],
    ['workloads', ['overview', 'inbound', 'outbound', 'traffic', 'resources']],
    ['apps', ['overview', 'inbound', 'outbound', 'traffic', 'resources']],
  ])('a %s page has tabs %o', (kind, tabs) => {
    expect(tabsFor(kind)).toEqual(tabs);
  });

  it.each([
    [3600, '1h'],
    [604800, '7d'],
    [42, '42s'],
  ])('labels %i s as %s', (seconds, label) => {
    expect(durationLabel(seconds)).toBe(label);
  });
});
