// Reads an Istio object a user edited as YAML, and checks it is the object the request is about. Pure.

import { parseDocument } from 'yaml';
import { BadRequestError } from '../../errors';
import { ISTIO_RESOURCES } from '../inventory/istio-parse';
import type { IstioObjectParams } from './params';
import { record, str } from './read';

/** The longest YAML text accepted: far above any real Istio object, far below what would hurt the server. */
export const MAX_YAML_BYTES = 256 * 1024;

// Aliases are legal YAML but no Istio object needs many; the cap stops a "billion laughs" text from expanding.
const MAX_ALIASES = 100;

/** The document as plain values; an alias that points nowhere or expands too far is the text's fault, not ours. */
function toJs(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new BadRequestError('yaml', err instanceof Error ? (err.message.split('\n')[0] ?? 'cannot be read') : 'cannot be read');
  }
}

/**
 * The edited object, checked against the path it is sent to: same kind, API group, name and namespace, and a
 * `metadata.resourceVersion` so a concurrent change is refused rather than overwritten. Throws a BadRequestError
 * naming the field (`yaml` for text that does not parse).
 */
export function parseEditedObject(text: string, target: IstioObjectParams): Record<string, unknown> {
  if (text.length > MAX_YAML_BYTES) throw new BadRequestError('yaml', `longer than ${MAX_YAML_BYTES} bytes`);
  const doc = parseDocument(text, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new BadRequestError('yaml', `${line ? `line ${line}: ` : ''}${first}`);
  }
  const object = record(toJs(doc));
  if (!object) throw new BadRequestError('yaml', 'must be one object (a mapping with apiVersion, kind, metadata and spec)');

  const { group } = ISTIO_RESOURCES[target.kind];
  const apiVersion = str(object.apiVersion);
  if (!apiVersion?.startsWith(`${group}/`)) throw new BadRequestError('apiVersion', `must be ${group}/<version> for a ${target.kind}`);
  if (object.kind !== target.kind) throw new BadRequestError('kind', `must stay ${target.kind}`);
  const metadata = record(object.metadata);
  if (!metadata) throw new BadRequestError('metadata', 'is missing');
  if (metadata.name !== target.name) throw new BadRequestError('metadata.name', `must stay "${target.name}" (renaming would create another object)`);
  if (metadata.namespace !== undefined && metadata.namespace !== target.namespace) {
    throw new BadRequestError('metadata.namespace', `must stay "${target.namespace}"`);
  }
  if (typeof metadata.resourceVersion !== 'string' || metadata.resourceVersion === '') {
    throw new BadRequestError('metadata.resourceVersion', 'is required, so a change made meanwhile by someone else is refused instead of overwritten');
  }
  if (object.spec !== undefined && !record(object.spec)) throw new BadRequestError('spec', 'must be a mapping');
  return { ...object, metadata: { ...metadata, namespace: target.namespace } };
}
