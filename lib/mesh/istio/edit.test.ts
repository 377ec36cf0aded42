import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors';
import { parseEditedObject } from './edit';

const target = { namespace: 'bookinfo', kind: 'VirtualService' as const, name: 'reviews' };
const valid = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  resourceVersion: "42"
spec:
  hosts: [reviews]
`;

function fieldOf(text: string): string | undefined {
  try {
    parseEditedObject(text, target);
  } catch (err) {
    return err instanceof BadRequestError ? err.message : 'not a BadRequestError';
  }
  return undefined;
}

describe('parseEditedObject', () => {
  it('reads the object and pins it to the namespace of the path', () => {
    expect(parseEditedObject(valid, target)).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '42' },
      spec: { hosts: ['reviews'] },
    });
  });

  it.each([
    ['spec: [unclosed', /^yaml: line 1: /],
    ['just text', /^yaml: must be one object/],
    [valid.replace('networking.istio.io/v1', 'security.istio.io/v1'), /^apiVersion: must be networking\.istio\.io\/<version>/],
    [valid.replace('kind: VirtualService', 'kind: DestinationRule'), /^kind: must stay VirtualService/],
    [valid.replace('name: reviews', 'name: reviews-2'), /^metadata\.name: must stay "reviews"/],
    [valid.replace('  name: reviews', '  name: reviews\n  namespace: travel'), /^metadata\.namespace: must stay "bookinfo"/],
    [valid.replace('  resourceVersion: "42"\n', ''), /^metadata\.resourceVersion: is required/],
    [valid.replace('spec:\n  hosts: [reviews]', 'spec: 5'), /^spec: must be a mapping/],
    [valid.replace('kind: VirtualService', 'kind: VirtualService\nkind: VirtualService'), /^yaml: line \d+: /],
    ['x'.repeat(300 * 1024), /^yaml: longer than/],
    // Found by the write fuzz (lib/openapi/fuzz-writes.int.test.ts): these used to be 500s.
    ['*ngtz;M', /^yaml: Unresolved alias/],
    [valid.replace('spec:\n  hosts: [reviews]', 'spec: *nothing'), /^yaml: Unresolved alias/],
    [
      ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n'),
      /^yaml: Excessive alias count/,
    ],
  ])('refuses %#, naming the field', (text, message) => {
    expect(fieldOf(text)).toMatch(message);
  });
});
