// The recorded changes of a service: their diffs, how they are dated, and the chart markers they make. Pure.

import { diffHunks, diffLines, type DiffHunk } from '@/lib/mesh/diff/line-diff';
import type { ChangeRecord } from '@/lib/mesh/traffic/types';

/** One object of a record: what happened to it and its before/after diff. */
export interface RecordDiff {
  kind: ChangeRecord['objects'][number]['kind'];
  name: string;
  action: 'created' | 'deleted' | 'updated';
  hunks: DiffHunk[];
}

/** Each object of a record with the diff from its YAML before to after (an absent side diffs as empty). */
export function recordDiffs(record: ChangeRecord): RecordDiff[] {
  return record.objects.map((o) => ({
    kind: o.kind,
    name: o.name,
    action: o.before === null ? 'created' : o.after === null ? 'deleted' : 'updated',
    hunks: diffHunks(diffLines(o.before ?? '', o.after ?? '')),
  }));
}

/** "2025-06-10 11:00 UTC": the same text on server and browser, whatever their time zones. */
export function formatWhen(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A vertical marker of a chart: when (Unix ms) and what. */
export interface ChangeMarker {
  at: number;
  label: string;
}

/** The chart markers of recorded changes: one per record with a readable time, labelled by its summary. */
export function changeMarkers(records: readonly ChangeRecord[]): ChangeMarker[] {
  return records.flatMap((r) => {
    const at = Date.parse(r.at);
    return Number.isNaN(at) ? [] : [{ at, label: r.reverts ? `Revert: ${r.summary}` : r.summary }];
  });
}
