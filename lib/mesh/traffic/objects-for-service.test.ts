import { describe, expect, it } from 'vitest';
import type { IstioResource } from '../istio/types';
import { objectsForService } from './objects-for-service';

const vs = (namespace: string, name: string, hosts: string[]): IstioResource => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace }, spec: { hosts } });
const dr = (namespace: string, name: string, host: string): IstioResource => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace }, spec: { host } });

describe('objectsForService', () => {
  it.each<[string, IstioResource[], string[], string[]]>([
    ['short name and FQDN both name the service', [vs('bookinfo', 'a', ['reviews']), vs('bookinfo', 'b', ['reviews.bookinfo.svc.cluster.local']), dr('bookinfo', 'd', 'reviews')], ['a', 'b'], ['d']],
    ['a short name in another namespace is another service', [vs('default', 'a', ['reviews']), dr('default', 'd', 'reviews')], [], []],
    ['the service namespace wins over others naming it by FQDN', [vs('default', 'x', ['reviews.bookinfo.svc.cluster.local']), vs('bookinfo', 'a', ['reviews'])], ['a'], []],
    ['elsewhere only: those are picked', [vs('default', 'x', ['reviews.bookinfo.svc.cluster.local'])], ['x'], []],
    ['wildcards are not the service', [vs('bookinfo', 'w', ['*.bookinfo.svc.cluster.local']), dr('bookinfo', 'w', '*.bookinfo.svc.cluster.local')], [], []],
    ['other services are left out', [vs('bookinfo', 'r', ['ratings']), dr('bookinfo', 'r', 'ratings')], [], []],
  ])('%s', (_, objects, vsNames, drNames) => {
    const picked = objectsForService(objects, 'bookinfo', 'reviews');
    expect(picked.virtualServices.map((o) => o.metadata.name)).toEqual(vsNames);
    expect(picked.destinationRules.map((o) => o.metadata.name)).toEqual(drNames);
  });
});
