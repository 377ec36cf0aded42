import { describe, expect, it } from 'vitest';
import { withoutMetadata } from './server-fields';

const stored = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'reviews', namespace: 'bookinfo', labels: { a: 'b' }, resourceVersion: '7', uid: 'u', generation: 2, creationTimestamp: 't', managedFields: [{}] },
  spec: { host: 'reviews' },
};

describe('withoutMetadata', () => {
  it('leaves out the server-kept fields and keeps the rest', () => {
    expect(withoutMetadata(stored)).toEqual({ ...stored, metadata: { name: 'reviews', namespace: 'bookinfo', labels: { a: 'b' } } });
  });

  it('leaves out only the fields asked for, and does not change the object', () => {
    const { managedFields: _m, ...rest } = stored.metadata;
    expect(withoutMetadata(stored, ['managedFields'])).toEqual({ ...stored, metadata: rest });
    expect(stored.metadata.managedFields).toEqual([{}]);
  });
});
