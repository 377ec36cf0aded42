// Reads the deployment recipe (deploy/kubernetes and the Dockerfile) for the tests that check it: the unit tests
// read what the files say, the integration test has the lab's API server accept every object.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

/** The project's root folder (this file lives in `deploy/`). */
export const ROOT = resolve(import.meta.dirname, '..');
export const MANIFEST_DIR = join(ROOT, 'deploy/kubernetes');

/** One Kubernetes object and the file (relative to deploy/kubernetes) it came from. */
export interface Manifest {
  file: string;
  object: KubernetesObject & Record<string, unknown>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Parses every document of a YAML file, failing on the first syntax error. */
export function readYamlDocuments(path: string): unknown[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message}`);
    return doc.toJS() as unknown;
  });
}

/** Every Kubernetes object under deploy/kubernetes, examples included; kustomization files are not objects. */
export function readManifests(dir: string = MANIFEST_DIR): Manifest[] {
  return yamlFiles(dir)
    .filter((path) => !/kustomization\.ya?ml$/.test(path))
    .sort()
    .flatMap((path) =>
      readYamlDocuments(path)
        .filter((o): o is Manifest['object'] => typeof o === 'object' && o !== null)
        .map((object) => ({ file: relative(dir, path), object })),
    );
}

/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  args: string;
}

/** A Dockerfile's global instructions (the ARGs before the first `FROM`) and its stages in order. */
export function parseDockerfile(text: string): { globals: DockerInstruction[]; stages: { from: string; instructions: DockerInstruction[] }[] } {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const globals: DockerInstruction[] = [];
  const stages: { from: string; instructions: DockerInstruction[] }[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') stages.push({ from: instruction.args, instructions: [] });
    else (stages.at(-1)?.instructions ?? globals).push(instruction);
  }
  return { globals, stages };
}
