import { describe, expect, it } from 'vitest';
import { autoStep, DEFAULT_SCRAPE_INTERVAL_SECONDS, MAX_POINTS, parsePrometheusDuration, pointCount, rateWindowSeconds, scrapeIntervalOf, timeGrid } from './step';

describe('autoStep', () => {
  it.each([
    // duration, scrape interval, step, points
    [60, 5, 5, 13],
    [300, 5, 5, 61],
    [600, 5, 5, 121],
    [900, 5, 10, 91],
    [1_800, 5, 15, 121],
    [3_600, 5, 30, 121],
    [10_800, 5, 90, 121],
    [21_600, 5, 180, 121],
    [43_200, 5, 600, 73],
    [86_400, 5, 900, 97],
    [172_800, 5, 1_800, 97],
    [604_800, 5, 7_200, 85],
    // Never finer than a scrape: points in between would only repeat samples.
    [60, 15, 15, 5],
    [600, 15, 15, 41],
    [600, 60, 60, 11],
    [3_600, 60, 60, 61],
    [600, 7.5, 10, 61],
  ])('%i s at a %i s scrape interval → step %i s, %i points', (duration, scrape, step, points) => {
    expect(autoStep(duration, scrape)).toBe(step);
    expect(pointCount(duration, step)).toBe(points);
  });

  it('gives 60–121 points for every duration from 10 minutes to 7 days at a 5 s scrape interval', () => {
    for (let d = 600; d <= 604_800; d += 60) {
      const n = pointCount(d, autoStep(d, 5));
      expect(n, `duration ${d}`).toBeGreaterThanOrEqual(60);
      expect(n, `duration ${d}`).toBeLessThanOrEqual(121);
    }
  });

  it('stays far below Prometheus\' limit', () => {
    expect(pointCount(604_800, autoStep(604_800, 1))).toBeLessThan(MAX_POINTS);
  });
});

describe('rateWindowSeconds', () => {
  it.each([
    // step, scrape interval, window: at least four scrapes, and at least step + one scrape
    [5, 5, 20],
    [1, 5, 20],
    [15, 5, 20],
    [30, 5, 35],
    [900, 5, 905],
    [15, 15, 60],
    [60, 15, 75],
    [60, 60, 240],
    [10, 7.5, 30],
  ])('step %i s, scrape %i s → %i s', (step, scrape, window) => {
    expect(rateWindowSeconds(step, scrape)).toBe(window);
    expect(window).toBeGreaterThanOrEqual(2 * scrape);
  });
});

describe('timeGrid', () => {
  it.each([
    // end, duration, step → grid
    [1_700_000_000, 600, 5, { start: 1_699_999_400, end: 1_700_000_000, step: 5, count: 121 }],
    // The end moves down to a multiple of the step, so refreshes evaluate the same instants.
    [1_700_000_007, 600, 5, { start: 1_699_999_405, end: 1_700_000_005, step: 5, count: 121 }],
    [1_700_000_007, 600, 60, { start: 1_699_999_380, end: 1_699_999_980, step: 60, count: 11 }],
    // A step that does not divide the duration: the grid covers the whole steps within it (90 s of 100).
    [1_700_000_000, 100, 30, { start: 1_699_999_890, end: 1_699_999_980, step: 30, count: 4 }],
  ])('end %i, %i s every %i s', (end, duration, step, grid) => {
    expect(timeGrid(end, duration, step)).toEqual(grid);
  });
});

describe('parsePrometheusDuration', () => {
  it.each([
    ['5s', 5],
    ['15s', 15],
    ['1m', 60],
    ['1m30s', 90],
    ['2h', 7_200],
    ['1d', 86_400],
    ['1w', 604_800],
    ['1y', 31_536_000],
    ['500ms', 0.5],
    ['1s500ms', 1.5],
    [' 30s ', 30],
    ['0s', undefined],
    ['15', undefined],
    ['1.5m', undefined],
    ['-5s', undefined],
    ['5x', undefined],
    ['', undefined],
    ['s', undefined],
  ])('%j → %s', (text, seconds) => {
    expect(parsePrometheusDuration(text)).toBe(seconds);
  });
});

describe('scrapeIntervalOf', () => {
  it.each([
    ['5s', { seconds: 5, known: true }],
    ['1m', { seconds: 60, known: true }],
    ['1m30s', { seconds: 90, known: true }],
    // No configuration to read (a store without the endpoint) or an unreadable one: plan with Prometheus' default.
    [undefined, { seconds: DEFAULT_SCRAPE_INTERVAL_SECONDS, known: false }],
    ['often', { seconds: DEFAULT_SCRAPE_INTERVAL_SECONDS, known: false }],
  ])('%j → %o', (text, expected) => {
    expect(scrapeIntervalOf(text)).toEqual(expected);
  });
});
