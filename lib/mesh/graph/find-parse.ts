// Lexer and recursive-descent parser for the graph's Find/Hide expressions; the grammar is documented in
// ./find.ts. Every error names what was expected and the character offset where it was expected, so the UI
// can put a caret under it. Pure: no I/O, no React.

import {
  FIND_FIELDS,
  FIND_FLAGS,
  fieldAliases,
  fieldKind,
  lookupField,
  lookupFlag,
  suggest,
  type FindField,
  type FindFlag,
} from './find-fields';
import { kindNoun, opApplies, readValue, type CompareOp, type FindValue } from './find-values';

/** A parsed Find/Hide expression. `empty` (blank text) matches nothing. */
export type FindExpr =
  | { type: 'empty' }
  | { type: 'or'; operands: FindExpr[] }
  | { type: 'and'; operands: FindExpr[] }
  | { type: 'not'; operand: FindExpr }
  | { type: 'compare'; field: FindField; op: CompareOp; value: FindValue }
  | { type: 'flag'; flag: FindFlag };

/** Where and why a Find/Hide text failed to parse; `position` is a UTF-16 offset into the text. */
export interface FindError {
  message: string;
  position: number;
}

/** The outcome of parsing a Find/Hide text. */
export type FindParseResult = { ok: true; expr: FindExpr } | { ok: false; error: FindError };

type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'end';

interface Token {
  kind: TokenKind;
  /** The word, the unquoted string, or the canonical operator. */
  text: string;
  /** The source text, for messages. */
  raw: string;
  position: number;
}

class FindSyntaxError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

function fail(problem: string, position: number, hint?: string): never {
  throw new FindSyntaxError(`${problem} at ${position}${hint ? ` (${hint})` : ''}`, position);
}

// Two-character operators first, so "!=" never lexes as "!" followed by "=".
const OPERATORS: readonly (readonly [string, TokenKind, string])[] = [
  ['&&', 'and', 'and'],
  ['||', 'or', 'or'],
  ['!=', 'op', '!='],
  ['!~', 'op', '!~'],
  ['>=', 'op', '>='],
  ['<=', 'op', '<='],
  ['==', 'op', '='],
  ['=', 'op', '='],
  ['>', 'op', '>'],
  ['<', 'op', '<'],
  ['~', 'op', '~'],
  ['!', 'not', '!'],
  ['(', 'lparen', '('],
  [')', 'rparen', ')'],
];

const KEYWORDS: Readonly<Record<string, TokenKind>> = { and: 'and', or: 'or', not: 'not' };

// Units ("5%", "250ms", "2MB/s") and names ("reviews-v2", "café") are single words, so a word runs up to
// whitespace, a quote, a parenthesis or an operator character.
const WORD_END = /[\s"'()=!<>~&|]/u;

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return { value, end: i + 1 };
    // A backslash escapes the next character, so both kinds of quote and the backslash itself can be typed.
    if (c === '\\' && i + 1 < text.length) i++;
    value += text[i];
  }
  return fail('unterminated string', start, `no closing ${quote}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', text: value, raw: text.slice(i, end), position: i });
      i = end;
      continue;
    }
    for (const [symbol, kind, canonical] of OPERATORS) {
      if (text.startsWith(symbol, i)) {
        tokens.push({ kind, text: canonical, raw: symbol, position: i });
        i += symbol.length;
        continue outer;
      }
    }
    if (c === '&' || c === '|') fail(`unexpected "${c}"`, i, `write "${c}${c}" or "${c === '&' ? 'and' : 'or'}"`);
    const start = i;
    while (i < text.length && !WORD_END.test(text[i] ?? '')) i++;
    const word = text.slice(start, i);
    tokens.push({ kind: KEYWORDS[word.toLowerCase()] ?? 'word', text: word, raw: word, position: start });
  }
  tokens.push({ kind: 'end', text: '', raw: '', position: text.length });
  return tokens;
}

const SPELLINGS = [...FIND_FIELDS, ...FIND_FIELDS.flatMap(fieldAliases)];

class Parser {
  private readonly tokens: readonly Token[];
  private index = 0;
  private depth = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  parse(): FindExpr {
    const expr = this.parseOr();
    const next = this.peek();
    if (next.kind === 'rparen') fail('unbalanced ")"', next.position);
    if (next.kind !== 'end') fail(`expected "and", "or" or the end`, next.position, `found ${describe(next)}`);
    return expr;
  }

  private peek(): Token {
    // The lexer always ends the list with an `end` token, so clamping to it is safe.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private previous(): Token | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }

  private parseOr(): FindExpr {
    const operands = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? (operands[0] as FindExpr) : { type: 'or', operands };
  }

  private parseAnd(): FindExpr {
    const operands = [this.parseUnary()];
    while (this.peek().kind === 'and') {
      this.next();
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? (operands[0] as FindExpr) : { type: 'and', operands };
  }

  private parseUnary(): FindExpr {
    if (this.peek().kind === 'not') {
      this.next();
      return { type: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FindExpr {
    const token = this.peek();
    switch (token.kind) {
      case 'lparen':
        return this.parseGroup();
      case 'word':
        return this.parseCondition();
      case 'rparen':
        if (this.depth === 0) fail('unbalanced ")"', token.position);
        return this.expectedExpression(token);
      case 'string':
        return fail('expected a field or flag', token.position, `found ${token.raw}; to search names write name ~ ${token.raw}`);
      case 'op':
        return fail(`expected a field or flag before "${token.raw}"`, token.position);
      default:
        return this.expectedExpression(token);
    }
  }

  private expectedExpression(token: Token): never {
    const prev = this.previous();
    const after = prev ? ` after "${prev.raw}"` : '';
    return fail(`expected an expression${after}`, token.position, token.kind === 'end' ? undefined : `found ${describe(token)}`);
  }

  private parseGroup(): FindExpr {
    const open = this.next();
    this.depth++;
    const inner = this.parseOr();
    const close = this.peek();
    if (close.kind === 'end') fail('expected ")"', close.position, `to close the "(" at ${open.position}`);
    if (close.kind !== 'rparen') fail(`expected "and", "or" or ")"`, close.position, `found ${describe(close)}`);
    this.next();
    this.depth--;
    return inner;
  }

  private parseCondition(): FindExpr {
    const word = this.next();
    const op = this.peek();
    if (op.kind !== 'op') return this.flagOrFail(word, op);
    const field = lookupField(word.text);
    if (!field) {
      const close = suggest(word.text, SPELLINGS);
      return fail(`unknown field "${word.text}"`, word.position, close ? `did you mean "${close}"?` : undefined);
    }
    this.next();
    const kind = fieldKind(field);
    if (!opApplies(kind, op.text as CompareOp)) {
      fail(`operator "${op.raw}" does not apply to ${field}`, op.position, `${field} is ${kindNoun(kind)}`);
    }
    const value = this.peek();
    if (value.kind !== 'word' && value.kind !== 'string') {
      fail(`expected a value after "${op.raw}"`, value.position, value.kind === 'end' ? undefined : `found ${describe(value)}`);
    }
    this.next();
    const read = readValue(field, op.text as CompareOp, value.text);
    if (!read.ok) fail(read.problem, value.position, read.hint);
    return { type: 'compare', field, op: op.text as CompareOp, value: read.value };
  }

  private flagOrFail(word: Token, following: Token): FindExpr {
    const flag = lookupFlag(word.text);
    if (flag) return { type: 'flag', flag };
    if (lookupField(word.text)) {
      return fail(`expected an operator after "${word.text}"`, following.position, 'one of = != > >= < <= ~ !~');
    }
    const close = suggest(word.text, [...FIND_FLAGS, ...SPELLINGS]);
    return fail(`unknown flag "${word.text}"`, word.position, close ? `did you mean "${close}"?` : undefined);
  }
}

function describe(token: Token): string {
  return token.kind === 'string' ? token.raw : `"${token.raw}"`;
}

/** Parses a Find/Hide text; blank text gives the `empty` expression, which matches nothing. */
export function parseFind(text: string): FindParseResult {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 1) return { ok: true, expr: { type: 'empty' } };
    return { ok: true, expr: new Parser(tokens).parse() };
  } catch (err) {
    if (err instanceof FindSyntaxError) return { ok: false, error: { message: err.message, position: err.position } };
    throw err;
  }
}
