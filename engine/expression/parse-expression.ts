// Parses policy expression text into a syntax tree (precedence climbing). No eval: the tree is
// compiled to closures later, so user text never runs as JavaScript.
import { Exact } from '../exact/exact.js';
import { type BinaryOp, type Expr, ExpressionSyntaxError } from './ast.js';

type Token =
  | { kind: 'number'; text: string; start: number; end: number }
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'op'; text: string; start: number; end: number }
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'end'; text: ''; start: number; end: number };

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '<', '>', '(', ')', '[', ']', ',', '.', '!'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      while (i < text.length && /[0-9_]/.test(text[i])) i++;
      if (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) { i++; while (i < text.length && /[0-9]/.test(text[i])) i++; }
      if (/[a-zA-Z_]/.test(text[i] ?? '')) throw new ExpressionSyntaxError(`unexpected \`${text.slice(start, i + 1)}\`: a name cannot start with a digit`, start, i + 1);
      tokens.push({ kind: 'number', text: text.slice(start, i).replace(/_/g, ''), start, end: i });
      continue;
    }
    if (/[a-zA-Z_]/.test(c)) {
      while (i < text.length && /[a-zA-Z0-9_]/.test(text[i])) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      // a text literal, 'north' or "north": no escapes, it ends at the same quote
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionSyntaxError(`unclosed text: add the closing ${c}`, start, text.length);
      tokens.push({ kind: 'text', text: text.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new ExpressionSyntaxError(`unexpected character \`${c}\``, i, i + 1);
    i += op.length;
    tokens.push({ kind: 'op', text: op, start, end: i });
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

const BINARY: Record<string, { op: BinaryOp; precedence: number }> = {
  or: { op: 'or', precedence: 1 }, '||': { op: 'or', precedence: 1 },
  and: { op: 'and', precedence: 2 }, '&&': { op: 'and', precedence: 2 },
  '==': { op: '==', precedence: 3 }, '!=': { op: '!=', precedence: 3 },
  '<': { op: '<', precedence: 4 }, '<=': { op: '<=', precedence: 4 }, '>': { op: '>', precedence: 4 }, '>=': { op: '>=', precedence: 4 },
  '+': { op: '+', precedence: 5 }, '-': { op: '-', precedence: 5 },
  '*': { op: '*', precedence: 6 }, '/': { op: '/', precedence: 6 },
};

export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const describe = (t: Token) => (t.kind === 'end' ? 'the end of the expression' : `\`${t.text}\``);
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text) throw new ExpressionSyntaxError(`expected \`${text}\`, got ${describe(t)}`, t.start, t.end);
    return t;
  };

  function binary(minPrecedence: number): Expr {
    let left = unary();
    for (;;) {
      const t = peek();
      const b = (t.kind === 'op' || t.kind === 'name') ? BINARY[t.text] : undefined;
      if (!b || b.precedence < minPrecedence) return left;
      next();
      const right = binary(b.precedence + 1);
      left = { type: 'binary', op: b.op, left, right, start: left.start, end: right.end };
    }
  }

  function unary(): Expr {
    const t = peek();
    if (t.text === '-' || t.text === '!' || (t.kind === 'name' && t.text === 'not')) {
      next();
      const arg = unary();
      return { type: 'unary', op: t.text === '-' ? '-' : 'not', arg, start: t.start, end: arg.end };
    }
    return postfix(primary());
  }

  function postfix(e: Expr): Expr {
    for (;;) {
      const t = peek();
      if (t.text === '.') {
        next();
        const p = next();
        if (p.kind !== 'name' && p.kind !== 'number') throw new ExpressionSyntaxError(`expected a key after \`.\`, got ${describe(p)}`, p.start, p.end);
        e = { type: 'member', object: e, property: p.text, start: e.start, end: p.end };
      } else if (t.text === '[') {
        next();
        const index = binary(1);
        const close = expect(']');
        e = { type: 'index', object: e, index, start: e.start, end: close.end };
      } else return e;
    }
  }

  function primary(): Expr {
    const t = next();
    if (t.kind === 'number') return { type: 'number', value: Exact.parse(t.text), text: t.text, start: t.start, end: t.end };
    if (t.kind === 'text') return { type: 'text', value: t.text, start: t.start, end: t.end };
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'false') return { type: 'boolean', value: t.text === 'true', start: t.start, end: t.end };
      if (BINARY[t.text]) throw new ExpressionSyntaxError(`unexpected \`${t.text}\``, t.start, t.end);
      if (peek().text === '(') {
        next();
        const args: Expr[] = [];
        if (peek().text !== ')') {
          do args.push(binary(1)); while (peek().text === ',' && next());
        }
        const close = expect(')');
        return { type: 'call', callee: t.text, calleeEnd: t.end, args, start: t.start, end: close.end };
      }
      return { type: 'name', name: t.text, start: t.start, end: t.end };
    }
    if (t.text === '(') {
      const inner = binary(1);
      expect(')');
      return inner;
    }
    throw new ExpressionSyntaxError(`expected a number, a text, a name or \`(\`, got ${describe(t)}`, t.start, t.end);
  }

  const tree = binary(1);
  const rest = peek();
  if (rest.kind !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(rest)} after a complete expression`, rest.start, rest.end);
  return tree;
}

/** Every name the expression reads (not function names), with its offsets. */
export function namesIn(e: Expr, out: { name: string; start: number; end: number }[] = []) {
  switch (e.type) {
    case 'name': out.push({ name: e.name, start: e.start, end: e.end }); break;
    case 'member': namesIn(e.object, out); break;
    case 'index': namesIn(e.object, out); namesIn(e.index, out); break;
    case 'unary': namesIn(e.arg, out); break;
    case 'binary': namesIn(e.left, out); namesIn(e.right, out); break;
    case 'call': e.args.forEach((a) => namesIn(a, out)); break;
  }
  return out;
}
