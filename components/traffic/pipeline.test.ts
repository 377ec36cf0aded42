import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/fetch-json';
import { changeMarkers, formatWhen, recordDiffs } from './history';
import { changeHeading, describeProblem, serverFieldErrors } from './pipeline';
import { RECORD } from './test-model';

const hunk = { lines: [{ op: 'add' as const, text: 'weight: 50', newLine: 3 }] };

describe('describeProblem', () => {
  it('explains a 403 with the namespace, keeping the server words', () => {
    expect(describeProblem(new ApiError(403, 'forbidden', 'virtualservices is forbidden'), 'bookinfo')).toEqual({
      kind: 'forbidden',
      message: expect.stringMatching(/^Kubernetes says you may not change VirtualServices or DestinationRules in bookinfo\./),
      detail: 'virtualservices is forbidden',
    });
  });

  it('carries a 409 diff, as one diff or one per object', () => {
    expect(describeProblem(new ApiError(409, 'conflict', 'changed'), 'b')).toEqual({ kind: 'conflict', message: 'changed', diffs: [] });
    expect(describeProblem(new ApiError(409, 'conflict', 'changed', { diff: [hunk] }), 'b')).toMatchObject({ diffs: [{ label: 'What differs from the live objects', hunks: [hunk] }] });
    // The server sends both: the per-object diffs are the ones shown.
    const changes = [{ kind: 'DestinationRule', name: 'reviews', diff: [hunk] }, { kind: 'VirtualService', name: 'reviews', diff: [] }, { kind: 'X' }];
    expect(describeProblem(new ApiError(409, 'conflict', 'changed', { diff: [hunk], changes }), 'b')).toMatchObject({
      diffs: [{ label: 'What differs in DestinationRule reviews', hunks: [hunk] }],
    });
  });

  it('keeps well-formed 400 field errors and 422 reasons', () => {
    const fields = [{ field: 'routes[0].weight', message: 'must be 0–100' }, { field: 3 }];
    expect(describeProblem(new ApiError(400, 'bad_request', 'bad', { fields }), 'b')).toEqual({ kind: 'fields', message: 'bad', fields: [fields[0]] });
    expect(describeProblem(new ApiError(422, 'invalid', 'admission webhook denied'), 'b')).toEqual({ kind: 'refused', message: 'admission webhook denied', unsupported: [] });
    expect(describeProblem(new ApiError(422, 'invalid', 'mirrors', { unsupported: ['has a mirror'] }), 'b')).toMatchObject({ unsupported: ['has a mirror'] });
  });

  it('passes anything else through', () => {
    expect(describeProblem(new ApiError(502, 'upstream_unavailable', 'kubernetes: down'), 'b')).toEqual({ kind: 'other', message: 'kubernetes: down' });
    expect(describeProblem(new Error('boom'), 'b')).toEqual({ kind: 'other', message: 'boom' });
  });

  it('places server field errors at the form fields', () => {
    const problem = describeProblem(new ApiError(400, 'bad_request', 'bad', { fields: [{ field: 'routes[1].weight', message: 'm' }] }), 'b');
    expect(serverFieldErrors(problem, (p) => p.replace('routes[1]', 'weight:v2'))).toEqual([{ field: 'weight:v2.weight', message: 'm' }]);
    expect(serverFieldErrors(undefined, (p) => p)).toEqual([]);
  });

  it.each([
    [{ kind: 'VirtualService' as const, name: 'reviews', action: 'update' as const }, true, 'VirtualService reviews would be updated'],
    [{ kind: 'DestinationRule' as const, name: 'reviews', action: 'create' as const }, false, 'DestinationRule reviews: created'],
    [{ kind: 'DestinationRule' as const, name: 'reviews', action: 'unchanged' as const }, true, 'DestinationRule reviews stays as it is'],
  ])('heads %o (dry run %s) as %s', (change, dryRun, text) => {
    expect(changeHeading(change, dryRun)).toBe(text);
  });
});

describe('history', () => {
  it('diffs each object of a record from before to after', () => {
    const [vs, dr] = recordDiffs(RECORD);
    expect(vs?.action).toBe('updated');
    expect(vs?.hunks.flatMap((h) => h.lines).filter((l) => l.op !== 'keep').map((l) => `${l.op} ${l.text.trim()}`)).toEqual([
      'remove subset: v1',
      'remove weight: 100',
      'add subset: v2',
      'add weight: 50',
    ]);
    expect(dr).toMatchObject({ kind: 'DestinationRule', action: 'created' });
    expect(recordDiffs({ ...RECORD, objects: [{ kind: 'VirtualService', name: 'x', before: 'a\n', after: null }] })[0]?.action).toBe('deleted');
  });

  it('dates records the same everywhere', () => {
    expect(formatWhen('2025-06-10T11:00:42Z')).toBe('2025-06-10 11:00 UTC');
    expect(formatWhen('2025-06-10T13:00:00+02:00')).toBe('2025-06-10 11:00 UTC');
    expect(formatWhen('yesterday')).toBe('yesterday');
  });

  it('marks each dated record on the charts, reverts as such', () => {
    expect(changeMarkers([RECORD, { ...RECORD, id: 'c-2', at: 'soon' }, { ...RECORD, id: 'c-3', reverts: 'c-1', at: '2025-06-10T12:00:00Z' }])).toEqual([
      { at: Date.parse('2025-06-10T11:00:00Z'), label: RECORD.summary },
      { at: Date.parse('2025-06-10T12:00:00Z'), label: `Revert: ${RECORD.summary}` },
    ]);
  });
});
