import { EngineError } from '../errors';
import type { LabelSelector, LabelSelectorRequirement } from '../model/objects';

// A label name: at most 63 characters, alphanumerics with `-`, `_`, `.` inside.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
// An optional key prefix: a DNS subdomain of at most 253 characters.
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: '=' | '==' | '!=' | '!' | ',' | '(' | ')'; at: number }
  | { kind: 'end'; at: number };

const SYMBOLS = ['==', '!=', '=', '!', ',', '(', ')'] as const;
const WORD_END = /[\s,()=!<>]/;

function fail(text: string, at: number, problem: string): never {
  throw new EngineError(
    'BAD_USER_INPUT',
    `invalid label selector "${text}": ${problem} at position ${at + 1}`,
  );
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: symbol, at: i });
      i += symbol.length;
      continue;
    }
    if (text[i] === '<' || text[i] === '>') fail(text, i, `operator "${text[i]}" is not supported`);
    const start = i;
    while (i < text.length && !WORD_END.test(text[i])) i++;
    tokens.push({ kind: 'word', text: text.slice(start, i), at: start });
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

function checkKey(text: string, token: Token & { kind: 'word' }): string {
  const parts = token.text.split('/');
  const name = parts[parts.length - 1];
  const prefix = parts.length === 2 ? parts[0] : '';
  const prefixOk = parts.length === 1 || (parts.length === 2 && prefix.length <= 253 && PREFIX.test(prefix));
  if (!prefixOk || !NAME.test(name)) fail(text, token.at, `"${token.text}" is not a valid label key`);
  return token.text;
}

function checkValue(text: string, token: Token & { kind: 'word' }): string {
  if (!NAME.test(token.text)) fail(text, token.at, `"${token.text}" is not a valid label value`);
  return token.text;
}

/**
 * Parses the kubectl selector syntax used in query strings into a LabelSelector: `app=web` (or `==`),
 * `app!=web` (NotIn, so objects without `app` match too), `tier in (a,b)`, `tier notin (a)`, `key`
 * (Exists) and `!key` (DoesNotExist), joined by commas. `''` is `{}` (everything). Throws BAD_USER_INPUT
 * with the position of the first problem.
 */
export function parseSelectorString(text: string): LabelSelector {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const word = (what: string): Token & { kind: 'word' } => {
    const t = next();
    if (t.kind !== 'word') fail(text, t.at, `expected ${what}`);
    return t;
  };
  // An empty value (`app=`) is allowed, as in kubectl: it matches a label set to ''.
  const value = (): string => {
    const t = peek();
    if (t.kind === ',' || t.kind === ')' || t.kind === 'end') return '';
    return checkValue(text, word('a label value'));
  };

  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  if (peek().kind === 'end') return {};
  for (;;) {
    if (peek().kind === '!') {
      next();
      matchExpressions.push({ key: checkKey(text, word('a label key after "!"')), operator: 'DoesNotExist' });
    } else {
      const key = checkKey(text, word('a label key'));
      const op = peek();
      if (op.kind === '=' || op.kind === '==') {
        next();
        const v = value();
        if (!Object.hasOwn(matchLabels, key)) matchLabels[key] = v;
        else if (matchLabels[key] !== v) matchExpressions.push({ key, operator: 'In', values: [v] });
      } else if (op.kind === '!=') {
        next();
        matchExpressions.push({ key, operator: 'NotIn', values: [value()] });
      } else if (op.kind === 'word' && (op.text === 'in' || op.text === 'notin')) {
        next();
        const open = next();
        if (open.kind !== '(') fail(text, open.at, `expected "(" after "${op.text}"`);
        const values: string[] = [];
        if (peek().kind === ')') fail(text, peek().at, `"${op.text}" needs at least one value`);
        for (;;) {
          values.push(value());
          const t = next();
          if (t.kind === ')') break;
          if (t.kind !== ',') fail(text, t.at, 'expected "," or ")" in a value list');
        }
        matchExpressions.push({ key, operator: op.text === 'in' ? 'In' : 'NotIn', values });
      } else if (op.kind === ',' || op.kind === 'end') {
        matchExpressions.push({ key, operator: 'Exists' });
      } else {
        fail(text, op.at, 'expected "=", "==", "!=", "in", "notin", "," or the end after a key');
      }
    }
    const sep = next();
    if (sep.kind === 'end') break;
    if (sep.kind !== ',') fail(text, sep.at, 'expected "," between requirements');
    if (peek().kind === 'end') fail(text, peek().at, 'expected a requirement after ","');
  }
  const selector: LabelSelector = {};
  if (Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  if (matchExpressions.length > 0) selector.matchExpressions = matchExpressions;
  return selector;
}
