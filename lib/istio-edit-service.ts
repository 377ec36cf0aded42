import 'server-only';
import { stringify } from 'yaml';
import { AppError } from './errors';
import { readIstioObject } from './k8s/istio-config';
import { replaceIstioObject } from './k8s/istio-write';
import { readConfigScopeWith } from './istio-service';
import { diffHunks, diffLines } from './mesh/diff/line-diff';
import type { IstioUpdateResult } from './mesh/istio/api-types';
import { parseEditedObject } from './mesh/istio/edit';
import type { IstioObjectParams } from './mesh/istio/params';
import { parseIstioResource } from './mesh/istio/parse';
import { withoutMetadata } from './mesh/istio/server-fields';
import { refKey, refOf } from './mesh/istio/types';
import { validateScope } from './mesh/istio/validations';

/** An object as YAML for reading and diffing: without the server's bookkeeping. */
export function readableYaml(raw: Record<string, unknown>): string {
  return stringify(withoutMetadata(raw));
}

/** The AppError code for each status the API server refuses a write with. */
export const REFUSALS: Record<number, AppError['code']> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'invalid' };

/**
 * Replaces an Istio object with the user's edited YAML, or only checks it (`dryRun`): the API server runs every
 * check either way, and its refusal reaches the user in its own words. A change made meanwhile (stale
 * resourceVersion) is a 409 that carries the diff between the live object and the edit, and overwrites nothing.
 */
export async function updateIstioObject(p: IstioObjectParams, yamlText: string, dryRun: boolean): Promise<IstioUpdateResult> {
  const edited = parseEditedObject(yamlText, p);
  const live = await readIstioObject(p.kind, p.namespace, p.name);
  if (!live) throw new AppError('not_found', `${p.kind} "${p.name}" not found in namespace "${p.namespace}"`);
  const outcome = await replaceIstioObject(p.kind, p.namespace, p.name, edited, dryRun);
  if (!outcome.ok) {
    const code = REFUSALS[outcome.status] ?? 'invalid';
    if (code === 'conflict') {
      const liveVersion = (live.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
      throw new AppError('conflict', `${p.kind} ${p.namespace}/${p.name} was changed by someone else (now at resourceVersion ${liveVersion}); nothing was written. Review the differences and apply again.`, {
        resourceVersion: liveVersion,
        diff: diffHunks(diffLines(readableYaml(live), readableYaml(edited))),
      });
    }
    throw new AppError(code, `The Kubernetes API server refused the ${dryRun ? 'dry run' : 'change'}: ${outcome.message}`);
  }
  const stored = parseIstioResource(p.kind, outcome.object, p.namespace);
  const scope = stored ? await readConfigScopeWith(stored) : undefined;
  const findings = stored && scope ? (validateScope(scope, (ref) => refKey(ref) === refKey(refOf(stored)))[0]?.findings ?? []) : [];
  const yaml = readableYaml(outcome.object);
  return { dryRun, object: outcome.object, yaml, diff: diffHunks(diffLines(readableYaml(live), yaml)), findings };
}
