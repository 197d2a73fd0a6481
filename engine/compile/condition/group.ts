// `all` and `any`: children evaluated in json-rules-engine's order (higher priority first),
// stopping once the group is decided; the trace shows the steps after that as skipped.
import type { ConditionTrace } from '../../types.js';
import { render } from '../../messages/render.js';
import { msg } from '../../messages/msg.js';
import type { Path } from '../passes/define-names.js';
import type { Ctx } from '../runtime.js';
import type { ConditionBuilder } from './condition-builder.js';
import type { ConditionNode, FailedLeaf, HeldShape } from './compiled-condition.js';
import { SKIPPED, SKIPPED_TEXT } from './trace-text.js';

export function group(cb: ConditionBuilder, kind: 'all' | 'any', d: Record<string, unknown>, path: Path): ConditionNode | undefined {
  const list = d[kind];
  if (!Array.isArray(list)) { cb.report(msg('condition.group-not-list', { kind }), path); return undefined; }
  const children = list.map((c, i) => cb.node(c, [...path, kind, i])).filter((c): c is ConditionNode => !!c);
  // json-rules-engine evaluates higher priority first; the sort is stable
  children.sort((a, b) => b.priority - a.priority);
  const all = kind === 'all';
  // as in json-rules-engine, an empty group holds, `any` included
  const tests = children.map((c) => c.test);
  const test = !tests.length ? () => true
    : tests.length === 1 ? tests[0]
    : all ? (ctx: Ctx) => { for (let i = 0; i < tests.length; i++) if (!tests[i](ctx)) return false; return true; }
    : (ctx: Ctx) => { for (let i = 0; i < tests.length; i++) if (tests[i](ctx)) return true; return false; };
  const failedOf = children.map((c) => c.failed);
  const heldOf = children.map((c) => c.held);
  const shapes = children.map((c) => c.shape);
  return {
    shape: shapes.every((x) => x) ? { type: 'group', all, children: shapes as HeldShape[] } : undefined,
    priority: Number(d.priority ?? 1),
    test,
    name: d.name as string | undefined,
    leaf: false,
    // a group's failed leaves count only when the group fails (an `any` that holds has none)
    failed: (ctx, out) => {
      const mine: FailedLeaf[] = [];
      let decided: boolean | undefined;
      for (let i = 0; i < failedOf.length && decided === undefined; i++) {
        const r = failedOf[i](ctx, mine);
        if (all && !r) decided = false;
        if (!all && r) decided = true;
      }
      const result = decided ?? (all || !children.length);
      if (!result) for (const f of mine) out.push(f);
      return result;
    },
    // as the trace: the steps until the group is decided, each adding the steps in it that held
    held: (ctx, out) => {
      let decided: boolean | undefined;
      for (let i = 0; i < heldOf.length && decided === undefined; i++) {
        const r = heldOf[i](ctx, out);
        if (all && !r) decided = false;
        if (!all && r) decided = true;
      }
      return decided ?? (all || !children.length);
    },
    trace: (ctx, p) => {
      const traced: ConditionTrace[] = [];
      let decided: boolean | undefined;
      children.forEach((c, i) => {
        const childPath = `${p}.${kind}[${i}]`;
        if (decided !== undefined) {
          traced.push({ path: childPath, operator: 'skipped', result: false, text: SKIPPED_TEXT, msg: SKIPPED });
          return;
        }
        const t = c.trace(ctx, childPath);
        traced.push(t);
        if (all && !t.result) decided = false;
        if (!all && t.result) decided = true;
      });
      const result = decided ?? (all || !children.length);
      const m = msg('trace.group', { name: d.name as string | undefined, kind, count: traced.length, result });
      return { path: p, name: d.name as string | undefined, operator: kind, result, children: traced, text: render(m), msg: m };
    },
  };
}
