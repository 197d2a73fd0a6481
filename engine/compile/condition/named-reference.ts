// `{condition: name}`: a named condition of the policy, compiled once and shared. Its trace and
// reasons say which condition it is: the name given here, else the named condition's own name,
// else its key — `veto: violations 1 = 0`, not a bare `violations 1 = 0`.
import { orderedPieces, render } from '../../messages/render.js';
import { msg } from '../../messages/msg.js';
import type { Path } from '../passes/define-names.js';
import type { ConditionBuilder } from './condition-builder.js';
import type { ConditionNode, FailedLeaf } from './compiled-condition.js';

const HELD = ' → true';

export function namedReference(cb: ConditionBuilder, c: Record<string, unknown>, path: Path): ConditionNode | undefined {
  const named = cb.scope.named(String(c.condition), [...path, 'condition']);
  if (!named) { cb.failed = true; return undefined; }
  named.names.forEach((n) => cb.names.add(n));
  cb.readsLines ||= named.readsLines;
  cb.readsRank ||= named.readsRank;
  const label = c.name !== undefined ? String(c.name) : named.name ? undefined : String(c.condition);
  const labelled = label === undefined ? undefined : orderedPieces(1, (hole) => render(msg('trace.labelled', { label, text: hole(0) })));
  // a step's held text labelled, without the ` → true` the trace's labelled text ends with
  const relabel = (text: string) => {
    const t = labelled ? labelled[0] + text + HELD + labelled[1] : render(msg('trace.labelled', { label: label!, text: text + HELD }));
    return t.endsWith(HELD) ? t.slice(0, -HELD.length) : t;
  };
  // in 简体中文 (explanations written from integers): `label：text`
  const zhLabelled = label === undefined ? undefined : orderedPieces(1, (hole) => render(msg('trace.labelled', { label, text: hole(0) }), 'zh-CN'));
  const zhRelabel = (text: string) => (zhLabelled ? zhLabelled[0] + text + zhLabelled[1] : render(msg('trace.labelled', { label: label!, text }), 'zh-CN'));
  const relabelled = !!label && named.leaf;
  return {
    priority: Number(c.priority ?? 1),
    test: named.test,
    name: label ?? named.name,
    leaf: named.leaf,
    failed: !label || !named.leaf ? named.failed : (ctx, out) => {
      const mine: FailedLeaf[] = [];
      const r = named.failed(ctx, mine);
      for (const f of mine) out.push(() => msg('trace.labelled', { label, text: f() }));
      return r;
    },
    // a leaf's text is labelled: its held text is the labelled one without its ` → true`, as the trace's
    held: !relabelled ? named.held : (ctx, out) => {
      const from = out.length;
      const r = named.held(ctx, out);
      for (let i = from; i < out.length; i++) out[i] = relabel(out[i]);
      return r;
    },
    shape: named.shape && (relabelled ? { type: 'labelled', relabel, zhRelabel, inner: named.shape } : named.shape),
    trace: (ctx, p) => {
      const t = named.trace(ctx, p);
      if (!label) return { ...t, name: t.name };
      const m = msg('trace.labelled', { label, text: t.msg ?? t.text });
      return { ...t, name: label, text: render(m), msg: m };
    },
  };
}
