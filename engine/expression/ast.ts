// The syntax tree of a policy expression. Offsets are 0-based into the expression text, so a
// message can point at the exact name or operator in the YAML file.
import type { Exact } from '../exact/exact.js';
import { renderText } from '../messages/render.js';
import type { Text } from '../messages/message.js';

interface Span { start: number; end: number }

export type Expr =
  | (Span & { type: 'number'; value: Exact; text: string })
  | (Span & { type: 'boolean'; value: boolean })
  | (Span & { type: 'text'; value: string })
  | (Span & { type: 'name'; name: string })
  | (Span & { type: 'member'; object: Expr; property: string })
  | (Span & { type: 'index'; object: Expr; index: Expr })
  | (Span & { type: 'unary'; op: '-' | 'not'; arg: Expr })
  | (Span & { type: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (Span & { type: 'call'; callee: string; calleeEnd: number; args: Expr[] });

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** A syntax error at `start`–`end` of the expression; `text` is the message, to render in any language. */
export class ExpressionSyntaxError extends Error {
  constructor(readonly text: Text, readonly start: number, readonly end: number) {
    super(renderText(text));
  }
}
