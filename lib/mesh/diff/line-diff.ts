// A line diff for showing what an edit changes before it is applied. Pure.
//
// The objects diffed are one Istio object's YAML (tens to hundreds of lines), so the textbook longest-common-
// subsequence table is fast enough and gives the minimal edit; identical leading and trailing lines are trimmed
// first, which keeps the table small for the usual edit of a few lines.

/** One line of a diff: kept, removed from the old text, or added in the new one. */
export interface DiffLine {
  op: 'keep' | 'remove' | 'add';
  text: string;
  /** 1-based line numbers in the old and new text, where the line exists there. */
  oldLine?: number;
  newLine?: number;
}

/** A run of changes with up to `context` kept lines around it. */
export interface DiffHunk {
  lines: DiffLine[];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Every line of both texts in order, each marked kept, removed or added. */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j]: length of the common subsequence of a[start+i..endA) and b[start+j..endB).
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  const keep = (i: number, j: number) => out.push({ op: 'keep', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
  for (let k = 0; k < start; k++) keep(k, k);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      keep(start + i, start + j);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removals before additions, as readers of unified diffs expect.
      out.push({ op: 'remove', text: a[start + i]!, oldLine: start + i + 1 });
      i++;
    } else {
      out.push({ op: 'add', text: b[start + j]!, newLine: start + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) keep(endA + k, endB + k);
  return out;
}

/** The changed parts of a diff with `context` kept lines around each; empty when nothing changed. */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const changed = lines.flatMap((l, i) => (l.op === 'keep' ? [] : [i]));
  const hunks: DiffHunk[] = [];
  let from = -1;
  let to = -1;
  for (const i of changed) {
    if (from >= 0 && i - context <= to + context + 1) {
      to = i;
      continue;
    }
    if (from >= 0) hunks.push({ lines: lines.slice(Math.max(0, from - context), Math.min(lines.length, to + context + 1)) });
    from = i;
    to = i;
  }
  if (from >= 0) hunks.push({ lines: lines.slice(Math.max(0, from - context), Math.min(lines.length, to + context + 1)) });
  return hunks;
}
