import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors';
import { isWriteVerb, parseAccessCheck } from './access-check';

const parse = (query: string) => parseAccessCheck(new URLSearchParams(query));

function badField(query: string): string | undefined {
  try {
    parse(query);
    return undefined;
  } catch (err) {
    if (err instanceof BadRequestError) return err.field;
    throw err;
  }
}

describe('parseAccessCheck', () => {
  it.each([
    ['verb=update&group=networking.istio.io&resource=virtualservices&namespace=bookinfo', { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'bookinfo' }],
    ['verb=list&group=&resource=namespaces', { verb: 'list', group: '', resource: 'namespaces' }],
    ['verb=get&resource=pods&namespace=bookinfo&name=reviews-v1-abc.x', { verb: 'get', group: '', resource: 'pods', namespace: 'bookinfo', name: 'reviews-v1-abc.x' }],
    ['verb=delete&group=apps&resource=deployments&namespace=', { verb: 'delete', group: 'apps', resource: 'deployments' }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it.each([
    ['group=apps&resource=deployments', 'verb'],
    ['verb=UPDATE&resource=deployments', 'verb'],
    ['verb=get*&resource=pods', 'verb'],
    ['verb=get&group=Apps&resource=deployments', 'group'],
    ['verb=get&group=apps.&resource=deployments', 'group'],
    ['verb=get&group=apps', 'resource'],
    ['verb=get&resource=pods/log', 'resource'],
    ['verb=get&resource=pods&namespace=Book_Info', 'namespace'],
    ['verb=get&resource=pods&namespace=bookinfo&name=a%20b', 'name'],
  ])('%s is a 400 naming %s', (query, field) => {
    expect(badField(query)).toBe(field);
  });
});

describe('isWriteVerb', () => {
  it.each([
    ['create', true],
    ['update', true],
    ['patch', true],
    ['delete', true],
    ['deletecollection', true],
    ['get', false],
    ['list', false],
    ['watch', false],
  ])('%s → %s', (verb, expected) => {
    expect(isWriteVerb(verb)).toBe(expected);
  });
});
