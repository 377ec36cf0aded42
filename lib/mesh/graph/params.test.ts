import { describe, expect, it } from 'vitest';
import { parseDurationSeconds, parseGraphParams } from './params';

const NOW = 1_800_000_000;
const parse = (query: string) => parseGraphParams(new URLSearchParams(query), NOW);

describe('parseGraphParams', () => {
  it('fills defaults', () => {
    expect(parse('namespaces=bookinfo')).toEqual({
      namespaces: ['bookinfo'],
      graphType: 'versionedApp',
      duration: 300,
      idleEdges: false,
      serviceNodes: false,
      latency: false,
      throughput: false,
    });
  });

  it('reads every parameter', () => {
    expect(parse('namespaces=bookinfo,travel,bookinfo&graphType=workload&duration=1h&queryTime=1799999000&idleEdges=true&serviceNodes=true&edgeLabels=latency,throughput')).toEqual({
      namespaces: ['bookinfo', 'travel'],
      graphType: 'workload',
      duration: 3600,
      queryTime: 1_799_999_000,
      idleEdges: true,
      serviceNodes: true,
      latency: true,
      throughput: true,
    });
  });

  it.each([
    ['', 'namespaces: give at least one namespace, e.g. namespaces=bookinfo'],
    ['namespaces=Bookinfo', 'namespaces: "Bookinfo" is not a valid namespace name (DNS-1123 label)'],
    ['namespaces=x"} or vector(1)', 'namespaces: "x"} or vector(1)" is not a valid namespace name (DNS-1123 label)'],
    ['namespaces=a,-b', 'namespaces: "-b" is not a valid namespace name (DNS-1123 label)'],
    [`namespaces=${'a'.repeat(64)}`, `namespaces: "${'a'.repeat(64)}" is not a valid namespace name (DNS-1123 label)`],
    ['namespaces=a&graphType=pods', 'graphType: must be one of app, versionedApp, workload, service'],
    ['namespaces=a&duration=30s', 'duration: must be from 1m to 1d, as seconds (300) or with a unit (5m, 1h, 1d)'],
    ['namespaces=a&duration=2d', 'duration: must be from 1m to 1d, as seconds (300) or with a unit (5m, 1h, 1d)'],
    ['namespaces=a&duration=five', 'duration: must be from 1m to 1d, as seconds (300) or with a unit (5m, 1h, 1d)'],
    ['namespaces=a&queryTime=yesterday', 'queryTime: must be a Unix time in whole seconds'],
    [`namespaces=a&queryTime=${NOW + 3600}`, 'queryTime: must not be in the future'],
    ['namespaces=a&idleEdges=yes', 'idleEdges: must be true or false, got "yes"'],
    ['namespaces=a&edgeLabels=latency,colour', 'edgeLabels: unknown label family "colour"; use latency, throughput'],
  ])('%s → 400 %s', (query, message) => {
    expect(() => parse(query)).toThrow(message);
    try {
      parse(query);
    } catch (err) {
      expect(err).toMatchObject({ status: 400, code: 'bad_request' });
    }
  });
});

describe('parseDurationSeconds', () => {
  it.each([
    ['300', 300],
    ['5m', 300],
    ['1h', 3600],
    ['1d', 86400],
    ['45s', 45],
    ['1.5h', undefined],
    ['-5m', undefined],
    ['', undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseDurationSeconds(text)).toBe(expected);
  });
});
