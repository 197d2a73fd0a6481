// A multi-line, human explanation of one statement line or withheld item, as testers ask
// "why did this outlet get this amount?", in English or 简体中文.
import { Exact } from '../exact/exact.js';
import type { Lang } from '../messages/message.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';
import { conditionText, formulaTexts, type LocalizeOptions, reasonText, showIn } from '../messages/localize.js';
import type { ConditionTrace, StatementLine, UnpaidItem, WithheldItem } from '../types.js';

function conditionLines(t: ConditionTrace, depth: number, out: string[], lang: Lang, options: LocalizeOptions) {
  const mark = t.operator === 'skipped' ? '·' : t.result ? '✓' : '✗';
  out.push(`${'  '.repeat(depth)}${mark} ${conditionText(t, lang, options)}`);
  t.children?.forEach((c) => conditionLines(c, depth + 1, out, lang, options));
}

/** The explanation in `lang` (English by default); `units` shows shares and amounts as the form does in 简体中文. */
export function explainLine(item: StatementLine | WithheldItem | UnpaidItem, lang: Lang = 'en', options: LocalizeOptions = {}): string {
  const t = item.trace;
  const out: string[] = [];
  const zh = lang !== 'en';
  const say = (m: Parameters<typeof render>[0]) => render(m, lang);
  const amount = 'amount' in item ? say(msg('explain.paid', { amount: item.amount }))
    : 'status' in item ? say(msg('explain.unpaid', { reason: reasonText(item, lang, options) }))
    : say(msg('explain.withheld', { reason: reasonText(item, lang, options), wouldPay: item.wouldPay }));
  out.push(say(msg('explain.header', { period: item.period, payee: item.payeeId, policy: item.policy, line: item.line, kind: item.kind, amount })));
  out.push(say(msg('explain.rule', { rule: t.rule, file: t.location.file, line: t.location.line, description: t.description })));
  if (t.conditions.length) {
    out.push(say(msg('explain.conditions')));
    t.conditions.forEach((c) => conditionLines(c, 1, out, lang, options));
  }
  // a flagged transaction is explained by its own condition; the line's formula and items belong to the paid line
  const flagged = !('amount' in item) && !!t.items?.some((i) => !i.paid && item.id.endsWith(`/${i.id}`));
  if (t.formula && !flagged) {
    const f = formulaTexts(t.formula, lang);
    out.push(say(msg('explain.formula', { expression: f.expression })));
    out.push(`       = ${f.substituted}`);
    out.push(`       = ${t.formula.exact}${t.formula.exact !== t.formula.rounded && t.formula.rounded ? say(msg('explain.rounded', { rounded: t.formula.rounded, rounding: f.rounding })) : ''}`);
  }
  if (t.tier) out.push(say(msg('explain.tier', { value: t.tier.value, reached: t.tier.reached ? JSON.stringify(t.tier.reached) : undefined })));
  // posted amounts as the statement shows them: with the line's decimal places (-791.40, not -791.4)
  const places = (('amount' in item ? item.amount : 'wouldPay' in item ? item.wouldPay : '') ?? '').split('.')[1]?.length ?? 2;
  for (const r of t.refunds ?? []) {
    out.push(say(msg('explain.refund', { source: r.source, share: r.share, deducted: r.deducted, amount: r.amount })));
    for (const s of r.returns) out.push(say(msg('explain.returns', { line: s.lineId, amount: Exact.parse(s.amount).toFixed(places) })));
  }
  for (const i of flagged ? [] : t.items ?? []) {
    out.push(say(msg('explain.item', { paid: i.paid, id: i.id, amount: i.amount, substituted: i.formula?.substituted })));
  }
  for (const p of t.parts ?? []) out.push(say(msg('explain.part', p)));
  if (t.allocation) out.push(say(msg('explain.allocation', t.allocation)));
  if (t.adjusts) out.push(say(msg('explain.adjusts', { line: t.adjusts.lineId, period: t.adjusts.period, before: t.adjusts.before, after: t.adjusts.after })));
  const values = Object.entries(t.values);
  const shown = (k: string, v: string) => (zh ? showIn(v, options.units?.[k]) : v);
  if (values.length) out.push(say(msg('explain.values', { values: values.map(([k, v]) => `${k}=${shown(k, v)}`) })));
  return out.join('\n');
}
