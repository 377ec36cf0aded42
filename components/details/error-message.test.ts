import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/fetch-json';
import { errorMessage, isNotFound } from './error-message';

describe('errorMessage', () => {
  it.each([
    [new ApiError(502, 'upstream_unavailable', 'prometheus: connection refused'), 'prometheus: connection refused'],
    [new Error('boom'), 'boom'],
    ['plain text', 'plain text'],
    [undefined, 'undefined'],
  ])('%o → %s', (error, text) => {
    expect(errorMessage(error)).toBe(text);
  });
});

describe('isNotFound', () => {
  it.each([
    [new ApiError(404, 'not_found', 'no workload reviews-v9'), true],
    [new ApiError(400, 'bad_request', 'name: not a DNS-1123 label'), false],
    [new ApiError(502, 'upstream_unavailable', 'kubernetes: timeout'), false],
    [new ApiError(0, 'network', 'The Meshscope server did not answer.'), false],
    [new Error('404'), false],
    [null, false],
  ])('%o → %s', (error, notFound) => {
    expect(isNotFound(error)).toBe(notFound);
  });
});
