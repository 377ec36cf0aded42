import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/openapi/document';
import { GET } from './route';

describe('GET /api/openapi.json', () => {
  it('answers the document as JSON', async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(openApiDocument);
  });
});
