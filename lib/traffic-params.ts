// Validates the traffic and change-history routes' paths and query strings; a bad value throws a BadRequestError
// naming the field. Pure.

import { BadRequestError } from './errors';
import { isDns1123Label } from './mesh/names';

/** A change id: `change-<UTC yyyymmddhhmmss>-<6 random>`, as lib/k8s/change-history.ts names them. */
export const CHANGE_ID = /^change-\d{14}-[a-z0-9]{6}$/;

const quoted = (v: string) => `"${v.slice(0, 70)}"`;

function label(field: string, value: string, what: string): string {
  if (!isDns1123Label(value)) throw new BadRequestError(field, `${quoted(value)} is not a valid ${what} name (DNS-1123 label)`);
  return value;
}

/** `…/namespaces/{namespace}/services/{name}/traffic`. */
export function parseTrafficPath(path: { namespace: string; name: string }): { namespace: string; service: string } {
  return { namespace: label('namespace', path.namespace, 'namespace'), service: label('name', path.name, 'service') };
}

/** `/api/changes/{id}`. */
export function parseChangeId(id: string): string {
  if (!CHANGE_ID.test(id)) throw new BadRequestError('id', `${quoted(id)} is not a change id (change-<yyyymmddhhmmss>-<6 letters or digits>)`);
  return id;
}

/** `GET /api/changes?namespace=&service=`: either, both or none (an empty value counts as none). */
export function parseChangesFilter(params: URLSearchParams): { namespace?: string; service?: string } {
  const namespace = params.get('namespace') || undefined;
  const service = params.get('service') || undefined;
  return { ...(namespace ? { namespace: label('namespace', namespace, 'namespace') } : {}), ...(service ? { service: label('service', service, 'service') } : {}) };
}

/** `?dryRun=true|false` (a bare `?dryRun` means true). */
export function parseDryRun(params: URLSearchParams): boolean {
  const raw = params.get('dryRun');
  if (raw === null || raw === 'false') return false;
  if (raw === 'true' || raw === '') return true;
  throw new BadRequestError('dryRun', 'must be true or false');
}
