import { describe, expect, it } from 'vitest';
import { authKeys, canIPath, canIQuery } from './auth';

describe('canIPath', () => {
  it.each([
    [{ verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'bookinfo' }, '/api/auth/can-i?verb=update&group=networking.istio.io&resource=virtualservices&namespace=bookinfo'],
    [{ verb: 'list', group: '', resource: 'namespaces' }, '/api/auth/can-i?verb=list&group=&resource=namespaces'],
    [{ verb: 'get', group: '', resource: 'pods', namespace: 'a b', name: 'x&y' }, '/api/auth/can-i?verb=get&group=&resource=pods&namespace=a+b&name=x%26y'],
  ])('%o → %s', (check, path) => {
    expect(canIPath(check)).toBe(path);
  });
});

describe('authKeys', () => {
  it('puts every field of a check in its key, and tells checks apart', () => {
    const a = authKeys.canI({ verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'bookinfo' });
    const b = authKeys.canI({ verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'travel' });
    const c = authKeys.canI({ verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'bookinfo', name: 'reviews' });
    expect(a).toEqual(['auth', 'can-i', { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'bookinfo', name: null }]);
    expect(new Set([a, b, c].map((k) => JSON.stringify(k))).size).toBe(3);
    expect(canIQuery({ verb: 'get', group: '', resource: 'pods' }).queryKey).toEqual(authKeys.canI({ verb: 'get', group: '', resource: 'pods' }));
    expect(authKeys.session()).toEqual(['auth', 'session']);
  });
});
