// Splits one line of YAML into coloured parts for the editor's highlighting. Pure.
//
// A line-by-line reading, not a parser: it colours what a person scans for in an Istio object (keys, strings,
// numbers and booleans, comments, list dashes) and leaves anything unusual (block scalars, flow maps) as plain
// text, which is always safe. The text of the parts joined back is exactly the line.

export type YamlTokenKind = 'key' | 'string' | 'number' | 'literal' | 'comment' | 'punct' | 'plain';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const LITERAL = /^(true|false|null|~|yes|no|on|off)$/i;
// `key:` followed by a space or the end: an unquoted or quoted key.
const KEY = /^(\s*)(- )?("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^:#]*?)(:)(?=\s|$)/;

/** Where a comment starts: a `#` at the line's start or after whitespace, outside quotes. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}

function valueKind(text: string): YamlTokenKind {
  const v = text.trim();
  if (v === '') return 'plain';
  if (v.startsWith('"') || v.startsWith("'")) return 'string';
  if (NUMBER.test(v)) return 'number';
  if (LITERAL.test(v)) return 'literal';
  return 'string';
}

/** The coloured parts of one line; their texts joined give the line back unchanged. */
export function yamlTokens(line: string): YamlToken[] {
  const out: YamlToken[] = [];
  const hash = commentStart(line);
  const code = hash >= 0 ? line.slice(0, hash) : line;
  const key = KEY.exec(code);
  let rest = code;
  if (key) {
    const [whole, indent = '', dash = '', name = '', colon = ''] = key;
    if (indent) out.push({ kind: 'plain', text: indent });
    if (dash) out.push({ kind: 'punct', text: dash });
    out.push({ kind: 'key', text: name }, { kind: 'punct', text: colon });
    rest = code.slice(whole.length);
  } else {
    const item = /^(\s*)(- )/.exec(code);
    if (item) {
      if (item[1]) out.push({ kind: 'plain', text: item[1] });
      out.push({ kind: 'punct', text: item[2] ?? '' });
      rest = code.slice(item[0].length);
    }
  }
  if (rest) {
    const lead = /^\s*/.exec(rest)?.[0] ?? '';
    if (lead) out.push({ kind: 'plain', text: lead });
    const value = rest.slice(lead.length);
    if (value) out.push({ kind: valueKind(value), text: value });
  }
  if (hash >= 0) out.push({ kind: 'comment', text: line.slice(hash) });
  return out;
}
