import { describe, expect, it } from 'vitest';
import { DEFAULT_MESH_URL_STATE, parseMeshUrlState, serializeMeshUrlState, type MeshUrlState } from './mesh-url';

describe('mesh URL state', () => {
  it.each<[string, MeshUrlState]>([
    ['', DEFAULT_MESH_URL_STATE],
    ['namespace=bookinfo', { namespaces: ['bookinfo'], refresh: 0 }],
    ['namespace=travel,bookinfo,travel&refresh=30', { namespaces: ['travel', 'bookinfo'], refresh: 30 }],
    ['namespace=', { namespaces: [], refresh: 0 }],
    ['refresh=7', DEFAULT_MESH_URL_STATE],
    ['refresh=abc', DEFAULT_MESH_URL_STATE],
  ])('reads ?%s', (query, state) => {
    expect(parseMeshUrlState(new URLSearchParams(query))).toEqual(state);
  });

  it('writes only what differs from the default', () => {
    expect(serializeMeshUrlState(DEFAULT_MESH_URL_STATE).toString()).toBe('');
    expect(serializeMeshUrlState({ namespaces: ['bookinfo', 'travel'], refresh: 60 }).toString()).toBe('namespace=bookinfo%2Ctravel&refresh=60');
  });
});
