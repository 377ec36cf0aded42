import { describe, expect, it } from 'vitest';
import { metricsAccessError } from './metrics-access';

const TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const guarded = { configured: true as const, value: TOKEN };

describe('metricsAccessError', () => {
  it('lets every scrape in when no token is set', () => {
    expect(metricsAccessError({ configured: true, value: null }, null)).toBeNull();
  });

  it.each([`Bearer ${TOKEN}`, `bearer  ${TOKEN} `])('takes the token as %j', (authorization) => {
    expect(metricsAccessError(guarded, authorization)).toBeNull();
  });

  it.each([
    [null, /needs an Authorization: Bearer header/],
    ['', /needs an Authorization: Bearer header/],
    [`Basic ${TOKEN}`, /needs an Authorization: Bearer header/],
    [`Bearer ${TOKEN} extra`, /needs an Authorization: Bearer header/],
    [`Bearer ${TOKEN.slice(1)}`, /does not match MESHSCOPE_METRICS_TOKEN/],
    [`Bearer ${TOKEN.slice(0, -1)}0`, /does not match MESHSCOPE_METRICS_TOKEN/],
    [`Bearer ${TOKEN.slice(0, -1)}é`, /does not match MESHSCOPE_METRICS_TOKEN/],
  ])('refuses %j with a 401', (authorization, message) => {
    const error = metricsAccessError(guarded, authorization);
    expect(error?.status).toBe(401);
    expect(error?.message).toMatch(message);
  });

  it('refuses every scrape with a 503 naming the variable when the setting is broken', () => {
    const reason = 'MESHSCOPE_METRICS_TOKEN: must be at least 16 printable characters';
    const error = metricsAccessError({ configured: false, reason }, `Bearer ${TOKEN}`);
    expect(error?.status).toBe(503);
    expect(error?.message).toBe(reason);
  });
});
