// A fact, transaction field or payee attribute as a name expressions read: text reads as a
// string, a month as its month index; an optional field's empty cell is absent, which
// `has(name)` tests and any other read reports.
import type { FieldValue } from '../data/dataset.js';
import type { FieldType } from '../policy/policy-document.js';
import type { Binding } from './compile-expression.js';
import type { Ctx, Fn } from './runtime.js';
import { EvaluationError, type Value } from './values.js';
import { msg } from '../messages/msg.js';

export function fieldBinding(kind: Binding['kind'], name: string, decl: { type?: FieldType; optional?: boolean }, raw: (ctx: Ctx) => FieldValue, rawAt?: (ctx: Ctx, m: number) => FieldValue): Binding {
  const type = decl.type ?? 'number';
  const base = { kind, type: type === 'text' ? 'string' as const : 'number' as const, month: type === 'month', raw };
  // a required cell is never empty (the dataset checked it): read it straight
  if (!decl.optional) return { ...base, fn: raw as Fn, at: rawAt as ((ctx: Ctx, m: number) => Value) | undefined };
  const present = (v: FieldValue): Value => {
    if (v === undefined) throw new EvaluationError(msg('expr.empty-field', { name }));
    return v;
  };
  return { ...base, fn: (ctx) => present(raw(ctx)), at: rawAt && ((ctx, m) => present(rawAt(ctx, m))) };
}

