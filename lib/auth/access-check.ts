// Validates a "can I" question from a query string; a bad value throws a BadRequestError naming the field.

import { BadRequestError } from '../errors';
import type { AccessCheck } from '../k8s/client';
import { isValidName } from '../mesh/inventory/params';
import { isDns1123Label } from '../mesh/names';

export type { AccessCheck };

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
const VERB = /^[a-z]+$/;
// API groups are DNS subdomains (`networking.istio.io`); the core group is the empty string.
const GROUP = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?$/;
const RESOURCE = /^[a-z][a-z0-9]*$/;

const quoted = (v: string) => `"${v.slice(0, 70)}"`;

/** Whether a verb changes something; read-only mode answers no to these without asking the API server. */
export function isWriteVerb(verb: string): boolean {
  return WRITE_VERBS.has(verb);
}

/** `?verb=update&group=networking.istio.io&resource=virtualservices[&namespace=bookinfo][&name=reviews]`. */
export function parseAccessCheck(params: URLSearchParams): AccessCheck {
  const verb = params.get('verb') ?? '';
  if (!VERB.test(verb)) throw new BadRequestError('verb', verb ? `${quoted(verb)} is not a verb (get, list, create, update, patch, delete…)` : 'is required');
  const group = params.get('group') ?? '';
  if (group.length > 253 || !GROUP.test(group)) throw new BadRequestError('group', `${quoted(group)} is not an API group (empty for the core group)`);
  const resource = params.get('resource') ?? '';
  if (!RESOURCE.test(resource)) throw new BadRequestError('resource', resource ? `${quoted(resource)} is not a resource name (plural, lower case)` : 'is required');
  const check: AccessCheck = { verb, group, resource };
  const namespace = params.get('namespace');
  if (namespace) {
    if (!isDns1123Label(namespace)) throw new BadRequestError('namespace', `${quoted(namespace)} is not a valid namespace name (DNS-1123 label)`);
    check.namespace = namespace;
  }
  const name = params.get('name');
  if (name) {
    if (!isValidName('workloads', name)) throw new BadRequestError('name', `${quoted(name)} is not a valid object name (DNS-1123 subdomain)`);
    check.name = name;
  }
  return check;
}
