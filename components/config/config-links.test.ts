import { describe, expect, it } from 'vitest';
import { configObjectHref, configRefText } from './config-links';

describe('configObjectHref', () => {
  it.each([
    [{ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' } as const, '/config/bookinfo/VirtualService/reviews'],
    [{ kind: 'PeerAuthentication', namespace: 'istio-system', name: 'default' } as const, '/config/istio-system/PeerAuthentication/default'],
    [{ kind: 'Gateway', namespace: 'a b', name: 'x/../y?z' } as const, '/config/a%20b/Gateway/x%2F..%2Fy%3Fz'],
  ])('%o', (ref, href) => {
    expect(configObjectHref(ref)).toBe(href);
    expect(configRefText(ref)).toBe(`${ref.kind} ${ref.namespace}/${ref.name}`);
  });
});
