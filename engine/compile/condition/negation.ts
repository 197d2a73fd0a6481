// `not`: holds when its inner condition does not; when it fails, the inner condition that held,
// negated, is the reason.
import { render } from '../../messages/render.js';
import { msg } from '../../messages/msg.js';
import type { Path } from '../passes/define-names.js';
import type { ConditionBuilder } from './condition-builder.js';
import type { ConditionNode } from './compiled-condition.js';
import { withoutResult } from './trace-text.js';

export function negation(cb: ConditionBuilder, c: Record<string, unknown>, path: Path): ConditionNode | undefined {
  const inner = cb.node(c.not, [...path, 'not']);
  if (!inner) return undefined;
  return {
    priority: Number(c.priority ?? 1),
    test: (ctx) => !inner.test(ctx),
    name: c.name as string | undefined,
    leaf: false,
    shape: inner.shape && { type: 'not', inner: inner.shape },
    failed: (ctx, out) => {
      if (!inner.test(ctx)) return true;
      out.push(() => msg('trace.not', { name: c.name ? String(c.name) : undefined, inner: withoutResult(inner.trace(ctx, 'not')) }));
      return false;
    },
    // the steps inside that held are shown, whatever the `not` makes of them
    held: (ctx, out) => !inner.held(ctx, out),
    trace: (ctx, p) => {
      const t = inner.trace(ctx, `${p}.not`);
      const m = msg('trace.not', { inner: t.msg ?? t.text, result: !t.result });
      return { path: p, name: c.name as string | undefined, operator: 'not', result: !t.result, children: [t], text: render(m), msg: m };
    },
  };
}
