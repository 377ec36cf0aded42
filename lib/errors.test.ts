import { describe, expect, it } from 'vitest';
import { AppError, BadRequestError, toErrorBody, UpstreamError } from './errors';

describe('toErrorBody', () => {
  it.each([
    [new BadRequestError('duration', 'must be like 5m'), 400, { code: 'bad_request', message: 'duration: must be like 5m', details: { field: 'duration' } }],
    [new UpstreamError('prometheus', 'upstream_timeout', 'no answer within 10000 ms'), 504, { code: 'upstream_timeout', message: 'prometheus: no answer within 10000 ms', details: { upstream: 'prometheus' } }],
    [new UpstreamError('jaeger', 'upstream_unavailable', 'connect ECONNREFUSED'), 502, { code: 'upstream_unavailable', message: 'jaeger: connect ECONNREFUSED', details: { upstream: 'jaeger' } }],
    [new UpstreamError('kubernetes', 'not_configured', 'KUBECONFIG is not set'), 503, { code: 'not_configured', message: 'kubernetes: KUBECONFIG is not set', details: { upstream: 'kubernetes' } }],
    [new AppError('conflict', 'changed meanwhile'), 409, { code: 'conflict', message: 'changed meanwhile' }],
    [new Error('secret internals'), 500, { code: 'internal', message: 'internal error' }],
    ['a string', 500, { code: 'internal', message: 'internal error' }],
  ])('%s → %i', (err, status, error) => {
    expect(toErrorBody(err)).toEqual({ status, body: { error } });
  });
});
