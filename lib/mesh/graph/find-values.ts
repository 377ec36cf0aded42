// How a Find/Hide comparison's value is written for each kind of field: numbers with units, percentages,
// response-code patterns, enum words. Turning text into a typed value here keeps the evaluator free of strings.

import { fieldEnumValues, fieldKind, suggest, type FieldKind, type FindField } from './find-fields';

/** A comparison operator; `~` is "contains, ignoring case". */
export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~';

/** A comparison's value once read: a number in the field's base unit, or text / a code pattern. */
export type FindValue = number | string;

/** Why a value or operator was refused; the parser adds the position. */
export interface ValueProblem {
  ok: false;
  problem: string;
  hint?: string;
}

const TEXT_OPS: readonly CompareOp[] = ['=', '!=', '~', '!~'];
const NUMBER_OPS: readonly CompareOp[] = ['=', '!=', '>', '>=', '<', '<='];

/** Whether an operator means anything for a kind of field. */
export function opApplies(kind: FieldKind, op: CompareOp): boolean {
  return (kind === 'text' || kind === 'enum' ? TEXT_OPS : NUMBER_OPS).includes(op);
}

/** What a field's values are, for messages that refuse an operator. */
export function kindNoun(kind: FieldKind): string {
  return kind === 'text' || kind === 'enum' ? 'text' : kind === 'code' ? 'response codes' : 'a number';
}

// Multipliers into each kind's base unit (requests/s, share 0–1, milliseconds, bytes/s); keys lower-case.
const UNITS: Partial<Record<FieldKind, Readonly<Record<string, number>>>> = {
  rate: { '': 1, rps: 1, '/s': 1 },
  ratio: { '': 1, '%': 0.01 },
  duration: { '': 1, ms: 1, s: 1000, min: 60_000, us: 0.001, 'µs': 0.001, 'μs': 0.001 },
  bytes: { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 },
};

const UNIT_HINTS: Partial<Record<FieldKind, string>> = {
  rate: 'requests per second, e.g. 10 or 0.5',
  ratio: 'a share, e.g. 0.05 or 5%',
  duration: 'milliseconds, or a unit: 250ms, 1s, 2min, 500µs',
  bytes: 'bytes per second, e.g. 500, 20kB, 2MB or 1MiB',
};

const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(.*)$/i;

function readNumber(field: FindField, kind: FieldKind, raw: string): { ok: true; value: FindValue } | ValueProblem {
  const hint = `${field} takes ${UNIT_HINTS[kind] ?? 'a number'}`;
  const m = NUMBER.exec(raw.trim());
  if (!m) return { ok: false, problem: `"${raw}" is not a number`, hint };
  const [, digits = '', unitText = ''] = m;
  let unit = unitText.toLowerCase();
  // "/s" is optional on throughput ("2MB/s" reads as well as "2MB"); rates list it as a unit of their own.
  if (kind === 'bytes' && unit.endsWith('/s')) unit = unit.slice(0, -2);
  const factor = UNITS[kind]?.[unit];
  if (factor === undefined) return { ok: false, problem: `unknown unit "${unitText}" in "${raw}"`, hint };
  // Dividing by 100 or 1000 keeps "5%" equal to the literal 0.05, where multiplying by 0.01 would not always.
  const value = factor >= 1 ? Number(digits) * factor : Number(digits) / Math.round(1 / factor);
  // A share above 1 is almost always a percentage typed without its "%": refuse rather than match nothing.
  if (kind === 'ratio' && unit === '' && value > 1) {
    return { ok: false, problem: `${field} is a share from 0 to 1, not "${raw}"`, hint: `write ${digits}% for a percentage` };
  }
  return { ok: true, value };
}

// Codes are HTTP statuses or gRPC status numbers; "x" stands for any digit, so 5xx is every server error.
const CODE_PATTERN = /^[0-9x]+$/;

/** Reads the value of `field op raw`, or says why it cannot be read. `raw` is the value as typed, unquoted. */
export function readValue(field: FindField, op: CompareOp, raw: string): { ok: true; value: FindValue } | ValueProblem {
  const kind = fieldKind(field);
  switch (kind) {
    case 'text':
      return { ok: true, value: raw.normalize('NFC') };
    case 'enum': {
      if (op === '~' || op === '!~') return { ok: true, value: raw.normalize('NFC') };
      const values = fieldEnumValues(field);
      const value = raw.toLowerCase();
      if (values.includes(value)) return { ok: true, value };
      const close = suggest(value, values);
      return {
        ok: false,
        problem: `unknown ${field} "${raw}"`,
        hint: close ? `did you mean "${close}"?` : `expected ${values.join(', ')}`,
      };
    }
    case 'code': {
      const text = raw.trim().toLowerCase();
      if (op === '=' || op === '!=') {
        if (CODE_PATTERN.test(text)) return { ok: true, value: text };
        return { ok: false, problem: `"${raw}" is not a response code`, hint: 'write e.g. 503 or 5xx' };
      }
      if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
      return { ok: false, problem: `"${raw}" is not a number`, hint: `"${op}" compares codes as numbers, e.g. code >= 500` };
    }
    default:
      return readNumber(field, kind, raw);
  }
}
