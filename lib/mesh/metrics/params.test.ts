import { describe, expect, it } from 'vitest';
import { parseMetricsParams, type MetricsPath } from './params';

const NOW = 1_800_000_000;
const REVIEWS: MetricsPath = { namespace: 'bookinfo', kind: 'services', name: 'reviews' };
const parse = (query: string, path: Partial<MetricsPath> = {}) => parseMetricsParams({ ...REVIEWS, ...path }, new URLSearchParams(query), NOW);

describe('parseMetricsParams', () => {
  it('fills defaults', () => {
    expect(parse('')).toEqual({ namespace: 'bookinfo', kind: 'services', name: 'reviews', direction: 'inbound', duration: 600, byVersion: false });
  });

  it('reads every parameter', () => {
    expect(
      parse('direction=outbound&duration=1h&step=30s&queryTime=1799999000&byVersion=true&peerNamespace=bookinfo&peerKind=services&peerName=ratings', {
        kind: 'apps',
        name: 'reviews',
      }),
    ).toEqual({
      namespace: 'bookinfo',
      kind: 'apps',
      name: 'reviews',
      direction: 'outbound',
      duration: 3600,
      step: 30,
      queryTime: 1_799_999_000,
      byVersion: true,
      peer: { namespace: 'bookinfo', kind: 'services', name: 'ratings' },
    });
  });

  it.each([
    ['duration=1m', 60],
    ['duration=7d', 604_800],
    ['duration=604800', 604_800],
    ['duration=', 600],
  ])('%s → %i s', (query, duration) => {
    expect(parse(query).duration).toBe(duration);
  });

  it.each([
    // The most points Prometheus allows over 7 days is at a 55 s step: 604800 / 55 = 10996.
    ['duration=7d&step=55', 55],
    ['duration=11000&step=1', 1],
    ['duration=1m&step=1m', 60],
  ])('%s → step %i s', (query, step) => {
    expect(parse(query).step).toBe(step);
  });

  it.each([
    ['direction=sideways', 'direction', 'direction: must be one of inbound, outbound'],
    ['direction=outbound', 'direction', 'direction: services only have inbound traffic; ask for the workloads or app instead'],
    ['duration=30s', 'duration', 'duration: must be from 1m to 7d, as seconds (600) or with a unit (10m, 1h, 7d)'],
    ['duration=8d', 'duration', 'duration: must be from 1m to 7d, as seconds (600) or with a unit (10m, 1h, 7d)'],
    ['duration=1.5h', 'duration', 'duration: must be from 1m to 7d, as seconds (600) or with a unit (10m, 1h, 7d)'],
    ['step=0', 'step', 'step: must be a whole number of seconds (30) or a duration with a unit (30s, 5m)'],
    ['step=fast', 'step', 'step: must be a whole number of seconds (30) or a duration with a unit (30s, 5m)'],
    ['duration=5m&step=10m', 'step', 'step: must not be longer than the duration'],
    ['duration=7d&step=54', 'step', 'step: gives more than 11000 points over the duration; use at least 55s'],
    ['duration=11001&step=1', 'step', 'step: gives more than 11000 points over the duration; use at least 2s'],
    ['queryTime=yesterday', 'queryTime', 'queryTime: must be a Unix time in whole seconds'],
    [`queryTime=${NOW + 3600}`, 'queryTime', 'queryTime: must not be in the future'],
    ['byVersion=yes', 'byVersion', 'byVersion: must be true or false, got "yes"'],
    ['peerNamespace=bookinfo&peerKind=apps', 'peerName', 'peerName: peerNamespace, peerKind and peerName go together'],
    ['peerName=productpage', 'peerNamespace', 'peerNamespace: peerNamespace, peerKind and peerName go together'],
    ['peerNamespace=bookinfo&peerKind=pods&peerName=x', 'peerKind', 'peerKind: must be one of services, workloads, apps'],
    ['peerNamespace=bookinfo&peerKind=services&peerName=x', 'peerKind', 'peerKind: inbound traffic comes from apps or workloads, not services'],
    ['peerNamespace=Bookinfo&peerKind=apps&peerName=x', 'peerNamespace', 'peerNamespace: "Bookinfo" is not a valid namespace name (DNS-1123 label)'],
    ['peerNamespace=bookinfo&peerKind=apps&peerName=x"} or vector(1)', 'peerName', 'peerName: "x"} or vector(1)" is not a valid peer name (DNS-1123 label)'],
  ])('%s → 400 naming %s', (query, field, message) => {
    expect(() => parse(query)).toThrow(message);
    expect(() => parse(query)).toThrow(expect.objectContaining({ status: 400, code: 'bad_request', details: { field } }));
  });

  it.each<[Partial<MetricsPath>, string, string]>([
    [{ namespace: 'Bookinfo' }, 'namespace', 'namespace: "Bookinfo" is not a valid namespace name (DNS-1123 label)'],
    [{ namespace: 'x"} or vector(1)' }, 'namespace', 'namespace: "x"} or vector(1)" is not a valid namespace name (DNS-1123 label)'],
    [{ kind: 'pods' }, 'kind', 'kind: must be one of services, workloads, apps'],
    [{ name: 'reviews\n' }, 'name', 'name: "reviews\n" is not a valid service name (DNS-1123 label)'],
    [{ kind: 'workloads', name: 'a'.repeat(64) }, 'name', `name: "${'a'.repeat(64)}" is not a valid workload name (DNS-1123 label)`],
    [{ kind: 'apps', name: '-reviews' }, 'name', 'name: "-reviews" is not a valid app name (DNS-1123 label)'],
  ])('path %j → 400 naming %s', (path, field, message) => {
    expect(() => parse('', path)).toThrow(message);
    expect(() => parse('', path)).toThrow(expect.objectContaining({ status: 400, details: { field } }));
  });
});
