import { describe, expect, it } from 'vitest';
import type { HealthReport } from '@/lib/mesh/inventory/types';
import { trafficSummary } from './health-text';

const report = (inRps: number, inErrorRate: number | null): HealthReport => ({ health: 'healthy', inRps, inErrorRate, reasons: [] });

describe('trafficSummary', () => {
  it.each<[HealthReport, string | undefined]>([
    [report(12.34, 0.005), '12.3 rps in, 0.5% errors'],
    [report(0.004, 0), '<0.01 rps in, 0% errors'],
    [report(3, null), '3 rps in'],
    [report(0, null), undefined],
    [report(Number.NaN, null), undefined],
  ])('%o → %s', (r, text) => {
    expect(trafficSummary(r)).toBe(text);
  });
});
