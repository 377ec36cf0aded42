import { describe, expect, it } from 'vitest';
import { formatInstant, formatTick, formatTimeTick, formatValue, significant, type MetricUnit } from './units';

describe('significant', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [1.2345, '1.23'],
    [12.345, '12.3'],
    [123.45, '123'],
    [1234.5, '1230'],
    [0.012345, '0.0123'],
    [0.1 + 0.2, '0.3'],
    [-2.5, '-2.5'],
    [999.9, '1000'],
  ])('%d → %s', (n, text) => {
    expect(significant(n)).toBe(text);
  });
});

describe('formatValue', () => {
  it.each<[number | null, MetricUnit, string]>([
    [12.345, 'rps', '12.3 rps'],
    [0.0123, 'rps', '0.0123 rps'],
    [0.0001, 'rps', '<0.001 rps'],
    [0, 'rps', '0 rps'],
    [1234, 'rps', '1.23k rps'],
    [2_500_000, 'rps', '2.5M rps'],
    [0.1234, 'percent', '12.3%'],
    [0.005, 'percent', '0.5%'],
    [0.00001, 'percent', '<0.01%'],
    [0, 'percent', '0%'],
    [1, 'percent', '100%'],
    [0.42, 'ms', '0.42 ms'],
    [12.3456, 'ms', '12.3 ms'],
    [999, 'ms', '999 ms'],
    [1250, 'ms', '1.25 s'],
    [90_000, 'ms', '1.5 min'],
    [512, 'bytes', '512 B'],
    [100.46, 'bytes', '100 B'],
    [1536, 'bytes', '1.5 KiB'],
    [3 * 1024 * 1024, 'bytes', '3 MiB'],
    [0, 'Bps', '0 B/s'],
    [2048, 'Bps', '2 KiB/s'],
    [5.5 * 1024 ** 3, 'Bps', '5.5 GiB/s'],
    [0, 'cores', '0 cores'],
    [0.0025, 'cores', '2.5 millicores'],
    [0.25, 'cores', '250 millicores'],
    [0.012345, 'cores', '12.3 millicores'],
    [1, 'cores', '1 core'],
    [1.0004, 'cores', '1 core'],
    [2.345, 'cores', '2.35 cores'],
    [null, 'rps', 'no data'],
    [Number.POSITIVE_INFINITY, 'cores', 'no data'],
    [Number.NaN, 'ms', 'no data'],
  ])('%d %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('formatTick', () => {
  it.each<[number, MetricUnit, string]>([
    [0, 'rps', '0'],
    [0, 'percent', '0%'],
    [12.5, 'rps', '13'],
    [0.25, 'rps', '0.25'],
    [1500, 'rps', '1.5k'],
    [0.05, 'percent', '5%'],
    [0.125, 'percent', '13%'],
    [250, 'ms', '250 ms'],
    [2000, 'ms', '2 s'],
    [1024, 'bytes', '1 KiB'],
    [4096, 'Bps', '4 KiB/s'],
    [0, 'cores', '0'],
    [0.0025, 'cores', '2.5m'],
    [0.125, 'cores', '130m'],
    [1.5, 'cores', '1.5'],
  ])('%d %s → %s', (value, unit, text) => {
    expect(formatTick(value, unit)).toBe(text);
  });
});

describe('time', () => {
  const t = Date.UTC(2026, 0, 5, 14, 5, 30) / 1000; // a Monday
  it.each([
    [600, '14:05'],
    [86_400, '14:05'],
    [3 * 86_400, 'Mon 14:05'],
    [30 * 86_400, '5 Jan'],
  ])('a tick over %i s → %s', (span, text) => {
    expect(formatTimeTick(t, span, 'UTC')).toBe(text);
  });

  it('writes the full instant for a tooltip', () => {
    expect(formatInstant(t, 'UTC')).toBe('5 Jan 2026, 14:05:30');
  });
});
