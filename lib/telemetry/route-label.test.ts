import { describe, expect, it } from 'vitest';
import { routeLabel } from './route-label';

describe('routeLabel', () => {
  it.each([
    ['/api/graph', {}, '/api/graph'],
    ['/api/namespaces/bookinfo/services', { namespace: 'bookinfo', kind: 'services' }, '/api/namespaces/[namespace]/[kind]'],
    ['/api/namespaces/bookinfo/services/reviews/traffic', { namespace: 'bookinfo', service: 'reviews' }, '/api/namespaces/[namespace]/services/[service]/traffic'],
    ['/api/traces/services/my%20svc/operations', { service: 'my svc' }, '/api/traces/services/[service]/operations'],
    ['/api/x/a/b', { rest: ['a', 'b'] }, '/api/x/[rest]/[rest]'],
    ['/api/bad/%E0%A4%A', { id: 'x' }, '/api/bad/%E0%A4%A'],
  ])('%s %j → %s', (path, params, expected) => {
    expect(routeLabel(path, params)).toBe(expected);
  });
});
