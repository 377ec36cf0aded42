import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '@/lib/mesh/graph/types';
import { countOf, edgeLabelText, formatBytesPerSecond, formatMs, formatPercent, formatRps } from './format';
import type { EdgeLabel } from './url-state';

describe('formatRps', () => {
  it.each([
    [0, '0'],
    [-1, '0'],
    [Number.NaN, '0'],
    [0.004, '<0.01'],
    [0.01, '0.01'],
    [0.5, '0.5'],
    [1.234, '1.23'],
    [9.999, '10'],
    [12.34, '12.3'],
    [99.96, '100'],
    [123.6, '124'],
  ])('%d → %s', (rps, text) => {
    expect(formatRps(rps)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.0005, '<0.1%'],
    [0.001, '0.1%'],
    [0.015, '1.5%'],
    [0.1, '10%'],
    [0.333, '33%'],
    [1, '100%'],
  ])('%d → %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe('formatMs', () => {
  it.each([
    [0, '0ms'],
    [0.42, '0.42ms'],
    [12.4, '12ms'],
    [999.4, '999ms'],
    [1250, '1.25s'],
    [60000, '60s'],
    [-1, '—'],
  ])('%d → %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe('formatBytesPerSecond', () => {
  it.each([
    [0, '0 B/s'],
    [512, '512 B/s'],
    [1536, '1.5 KiB/s'],
    [3 * 1024 * 1024, '3 MiB/s'],
    [5 * 1024 ** 4, '5120 GiB/s'],
  ])('%d → %s', (bps, text) => {
    expect(formatBytesPerSecond(bps)).toBe(text);
  });
});

const http: GraphEdge = {
  id: 'e',
  source: 'a',
  target: 'b',
  protocol: 'http',
  rps: 12.34,
  errorRate: 0.025,
  responseCodes: { '200': 12, '503': 0.34 },
  responseFlags: {},
  latencyMs: { p50: 8.2, p95: 120, p99: 1500 },
  mtlsShare: 1,
  sourceShare: 0.5,
};
const tcp: GraphEdge = { ...http, protocol: 'tcp', rps: 0.5, errorRate: 0, latencyMs: undefined, throughputBps: 2048 };
const noLatency: GraphEdge = { ...http, latencyMs: undefined, errorRate: 0 };

describe('edgeLabelText', () => {
  it.each<[string, GraphEdge, EdgeLabel, string]>([
    ['none', http, 'none', ''],
    ['http rps', http, 'rps', '12.3 rps'],
    ['tcp rps shows bytes', tcp, 'rps', '2 KiB/s'],
    ['tcp without throughput', { ...tcp, throughputBps: undefined }, 'rps', ''],
    ['error rate', http, 'errorRate', '2.5%'],
    ['no errors, no label', noLatency, 'errorRate', ''],
    ['p50', http, 'p50', '8ms'],
    ['p95', http, 'p95', '120ms'],
    ['p99', http, 'p99', '1.5s'],
    ['latency not requested', noLatency, 'p95', ''],
    ['share', http, 'share', '50%'],
  ])('%s', (_name, edge, label, text) => {
    expect(edgeLabelText(edge, label)).toBe(text);
  });
});

describe('countOf', () => {
  it.each([
    [0, 'node', '0 nodes'],
    [1, 'node', '1 node'],
    [2, 'edge', '2 edges'],
  ])('%d %s → %s', (n, noun, text) => {
    expect(countOf(n, noun)).toBe(text);
  });
});
