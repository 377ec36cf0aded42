// Signing in with a Kubernetes token, the session, and RBAC questions, as app/api/auth/** and lib/auth answer them.

import { bool, DNS_LABEL, DNS_SUBDOMAIN, errors, json, nullable, obj, queryParam, ref, str } from './builders';
import type { PathItem, Schema } from './types';

/** The auth schemas. */
export const authSchemas: Record<string, Schema> = {
  Session: obj(
    {
      strategy: { type: 'string', enum: ['anonymous', 'token', 'header'], description: 'The configured auth strategy.' },
      authenticated: bool,
      user: { type: 'string', description: 'Who the token belongs to, when the API server says.' },
      readOnly: { type: 'boolean', description: 'Whether the console refuses every write.' },
    },
    ['strategy', 'authenticated', 'readOnly'],
    'Who the console acts as for this browser; answered without a session too.',
  ),
};

// lib/auth/access-check.ts's rules: a lower-case verb, an API group (a DNS subdomain, empty for core), a plural.
const VERB: Schema = { type: 'string', pattern: '^[a-z]+$', examples: ['get', 'list', 'update'] };
const GROUP: Schema = {
  type: 'string',
  pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?$',
  maxLength: 253,
  description: 'Empty for the core group.',
};
const RESOURCE: Schema = { type: 'string', pattern: '^[a-z][a-z0-9]*$' };

/** The auth routes. */
export const authPaths: Record<string, PathItem> = {
  '/api/auth/login': {
    post: {
      operationId: 'login',
      tags: ['auth'],
      summary: 'Token strategy: checks a Kubernetes bearer token and keeps it in a sealed session cookie',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: obj({ token: { type: 'string', minLength: 1 } }, ['token']) } },
      },
      responses: {
        '200': json('Signed in; the Set-Cookie header carries the session.', obj({ user: nullable(str) })),
        ...errors('400', '401', '404', '502', '504'),
      },
    },
  },
  '/api/auth/logout': {
    post: {
      operationId: 'logout',
      tags: ['auth'],
      summary: 'Deletes the session cookie, with or without a session',
      responses: { '200': json('Signed out.', obj({ authenticated: { const: false } })) },
    },
  },
  '/api/auth/session': {
    get: {
      operationId: 'getSession',
      tags: ['auth'],
      summary: 'The auth strategy and whether this browser is signed in',
      responses: { '200': json('The session.', ref('Session')), ...errors('502', '504') },
    },
  },
  '/api/auth/can-i': {
    get: {
      operationId: 'canI',
      tags: ['auth'],
      summary: 'Whether the request’s user may do something (a SelfSubjectAccessReview); read-only mode says no to writes',
      parameters: [
        queryParam('verb', VERB, 'The Kubernetes verb.', true),
        queryParam('group', GROUP, 'API group, e.g. `networking.istio.io`.', true),
        queryParam('resource', RESOURCE, 'Resource plural, e.g. `virtualservices`.', true),
        queryParam('namespace', DNS_LABEL, 'Namespace; cluster-wide when absent.'),
        queryParam('name', DNS_SUBDOMAIN, 'One object; any when absent.'),
      ],
      responses: { '200': json('The answer.', obj({ allowed: bool })), ...errors('400', '401', '502', '504') },
    },
  },
};
