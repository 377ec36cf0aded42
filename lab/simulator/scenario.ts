// Reads scenario files: YAML → schema (shapes and defaults) → cross-reference checks → a complete `Scenario`.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from '../paths';
import { generateLargeMesh } from './large-mesh';
import type { Scenario } from './model';
import { checkReferences } from './scenario-checks';
import { describeIssue, scenarioSchema } from './scenario-schema';

/** Where bare scenario names (`bookinfo`) are looked up. */
export const SCENARIO_DIR = join(ROOT, 'lab', 'scenarios');

/** Default size of the generated `large` scenario. */
// Services have two versions on average, so 2.5 calls per workload give about 5,000 workload-to-workload edges:
// the size of graph the console is benchmarked on (DESIGN §7: 1,000 workloads, 4,785 edges).
export const LARGE_MESH_DEFAULTS = { workloads: 1000, edgesPerService: 2.5, seed: 1 } as const;

/** A scenario that cannot be used; `problems` holds one `source: path: what is wrong` line per problem. */
export class ScenarioError extends Error {
  readonly code: 'invalid_scenario' | 'scenario_not_found';
  readonly source: string;
  readonly problems: string[];

  constructor(code: ScenarioError['code'], source: string, problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ScenarioError';
    this.code = code;
    this.source = source;
    this.problems = problems;
  }
}

/** Parses and checks a YAML scenario; throws a `ScenarioError` listing every problem, each prefixed by `source`. */
export function parseScenario(text: string, source: string): Scenario {
  const fail = (problems: string[]): never => {
    throw new ScenarioError('invalid_scenario', source, problems.map((p) => `${source}: ${p}`));
  };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((error) => {
        const where = error.linePos?.[0];
        // The yaml package appends " at line L, column C:" and a source excerpt; keep only the sentence.
        const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
        return where ? `line ${where.line}, column ${where.col}: ${message}` : message;
      }),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail([`YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const result = checkInput(raw);
  if (result.errors.length > 0 || result.scenario === undefined) return fail(result.errors);
  return result.scenario;
}

/** Every problem of a scenario object, one `path: what is wrong` line each; empty when it is valid. */
export function validateScenario(scenario: Scenario): string[] {
  return checkInput(scenario).errors;
}

/**
 * Loads a scenario: `large` or `large:N` generates a mesh of N workloads (default 1000); a bare name such as
 * `bookinfo` reads `lab/scenarios/bookinfo.yaml`; anything else is read as a file path.
 */
export function loadScenario(nameOrPath: string): Scenario {
  const large = /^large(?::(.*))?$/.exec(nameOrPath);
  if (large) {
    const workloads = large[1] === undefined ? LARGE_MESH_DEFAULTS.workloads : Number(large[1]);
    if (!Number.isInteger(workloads) || workloads < 1) {
      throw new ScenarioError('invalid_scenario', nameOrPath, [
        `${nameOrPath}: the workload count must be a positive integer, as in large:1000`,
      ]);
    }
    const scenario = generateLargeMesh({ ...LARGE_MESH_DEFAULTS, workloads });
    const errors = validateScenario(scenario);
    if (errors.length > 0) throw new ScenarioError('invalid_scenario', nameOrPath, errors.map((e) => `${nameOrPath}: ${e}`));
    return scenario;
  }
  const bare = /^[a-z0-9][-a-z0-9_]*$/.test(nameOrPath);
  const path = bare ? join(SCENARIO_DIR, `${nameOrPath}.yaml`) : nameOrPath;
  const source = bare ? `lab/scenarios/${nameOrPath}.yaml` : nameOrPath;
  if (!existsSync(path)) {
    const known = bare ? `; known scenarios: ${[...knownScenarios(), 'large', 'large:N'].join(', ')}` : '';
    throw new ScenarioError('scenario_not_found', source, [`${source}: no such file${known}`]);
  }
  return parseScenario(readFileSync(path, 'utf8'), source);
}

function knownScenarios(): string[] {
  if (!existsSync(SCENARIO_DIR)) return [];
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Shapes first; references are only checked once every field is valid, since they need resolved defaults. */
function checkInput(raw: unknown): { scenario?: Scenario; errors: string[] } {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { errors: parsed.error.issues.flatMap(describeIssue) };
  return { scenario: parsed.data, errors: checkReferences(parsed.data) };
}
