// Parses policy expression text into a syntax tree (precedence climbing). No eval: the tree is
// compiled to closures later, so user text never runs as JavaScript. An expression has at most
// EXPRESSION_LIMITS.tokens tokens and nests at most EXPRESSION_LIMITS.depth levels (each
// parenthesis, call, operand and operator of a chain is a level), so no text can overflow the
// stack of the parser, the compiler or the evaluator; its numbers keep the limits of written numbers.
import { msg } from '../messages/msg.js';
import { decimalInputProblem, Exact } from '../exact/exact.js';
import { type BinaryOp, type Expr, ExpressionSyntaxError } from './ast.js';

type Token =
  | { kind: 'number'; text: string; start: number; end: number }
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'op'; text: string; start: number; end: number }
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'end'; text: ''; start: number; end: number };

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '<', '>', '(', ')', '[', ']', ',', '.', '!'];

export const EXPRESSION_LIMITS = { tokens: 1000, depth: 100 };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (tokens.length >= EXPRESSION_LIMITS.tokens) {
      throw new ExpressionSyntaxError(msg('syntax.too-many-tokens', { limit: EXPRESSION_LIMITS.tokens }), start, text.length);
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      while (i < text.length && /[0-9_]/.test(text[i])) i++;
      if (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) { i++; while (i < text.length && /[0-9]/.test(text[i])) i++; }
      if (/[a-zA-Z_]/.test(text[i] ?? '')) throw new ExpressionSyntaxError(msg('syntax.digit-name', { text: text.slice(start, i + 1) }), start, i + 1);
      const number = text.slice(start, i).replace(/_/g, '');
      const problem = decimalInputProblem(number);
      if (problem) throw new ExpressionSyntaxError(problem, start, i);
      tokens.push({ kind: 'number', text: number, start, end: i });
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
      if (close < 0) throw new ExpressionSyntaxError(msg('syntax.unclosed-text', { quote: c }), start, text.length);
      tokens.push({ kind: 'text', text: text.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new ExpressionSyntaxError(msg('syntax.unexpected-character', { char: c }), i, i + 1);
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

/** The operator a token is, if any: own keys only, so a name such as `constructor` is a name. */
const binaryOperator = (text: string) => (Object.hasOwn(BINARY, text) ? BINARY[text] : undefined);

export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const describe = (t: Token) => (t.kind === 'end' ? msg('syntax.end') : msg('syntax.token', { text: t.text }));
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text) throw new ExpressionSyntaxError(msg('syntax.expected-token', { expected: text, got: describe(t) }), t.start, t.end);
    return t;
  };

  // levels of recursion open around the token being read: bounds the parser's own stack
  let depth = 0;
  const deeper = (t: Token) => {
    if (depth >= EXPRESSION_LIMITS.depth) throw tooDeep(t);
  };

  function binary(minPrecedence: number): Expr {
    deeper(peek());
    depth++;
    let left = unary();
    for (;;) {
      const t = peek();
      const b = (t.kind === 'op' || t.kind === 'name') ? binaryOperator(t.text) : undefined;
      if (!b || b.precedence < minPrecedence) { depth--; return left; }
      next();
      const right = binary(b.precedence + 1);
      left = { type: 'binary', op: b.op, left, right, start: left.start, end: right.end };
    }
  }

  function unary(): Expr {
    const t = peek();
    if (t.text === '-' || t.text === '!' || (t.kind === 'name' && t.text === 'not')) {
      deeper(t);
      next();
      depth++;
      const arg = unary();
      depth--;
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
        if (p.kind !== 'name' && p.kind !== 'number') throw new ExpressionSyntaxError(msg('syntax.expected-key', { got: describe(p) }), p.start, p.end);
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
      if (binaryOperator(t.text)) throw new ExpressionSyntaxError(msg('syntax.unexpected', { text: t.text }), t.start, t.end);
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
    throw new ExpressionSyntaxError(msg('syntax.expected-operand', { got: describe(t) }), t.start, t.end);
  }

  const tree = binary(1);
  const rest = peek();
  if (rest.kind !== 'end') throw new ExpressionSyntaxError(msg('syntax.trailing', { got: describe(rest) }), rest.start, rest.end);
  // chains (`a + b + c`, `a.b.c`) are loops in the parser but levels of the tree, which the
  // compiler and the evaluator walk recursively: the tree's height is bounded too
  const deep = nodeBelow(tree, EXPRESSION_LIMITS.depth);
  if (deep) throw tooDeep(deep);
  return tree;
}

const tooDeep = (at: { start: number; end: number }) =>
  new ExpressionSyntaxError(msg('syntax.too-deep', { limit: EXPRESSION_LIMITS.depth }), at.start, at.end);

/** The first node found `levels` below `e`, or undefined when the tree is not that high (recursion ≤ the token limit). */
function nodeBelow(e: Expr, levels: number): Expr | undefined {
  if (levels === 0) return e;
  for (const child of childrenOf(e)) {
    const found = nodeBelow(child, levels - 1);
    if (found) return found;
  }
  return undefined;
}

function childrenOf(e: Expr): Expr[] {
  switch (e.type) {
    case 'member': return [e.object];
    case 'index': return [e.object, e.index];
    case 'unary': return [e.arg];
    case 'binary': return [e.left, e.right];
    case 'call': return e.args;
    default: return [];
  }
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
