// A multi-line, human explanation of one statement line or withheld item, as testers ask
// "why did this outlet get this amount?".
import { Exact } from '../exact/exact.js';
import type { ConditionTrace, StatementLine, UnpaidItem, WithheldItem } from '../types.js';

function conditionLines(t: ConditionTrace, depth: number, out: string[]) {
  const mark = t.operator === 'skipped' ? '·' : t.result ? '✓' : '✗';
  out.push(`${'  '.repeat(depth)}${mark} ${t.text}`);
  t.children?.forEach((c) => conditionLines(c, depth + 1, out));
}

export function explainLine(item: StatementLine | WithheldItem | UnpaidItem): string {
  const t = item.trace;
  const out: string[] = [];
  const amount = 'amount' in item ? item.amount
    : 'status' in item ? `0 (${item.reason})`
    : `0 (${item.reason}${item.wouldPay ? `; would have been ${item.wouldPay}` : ''})`;
  out.push(`${item.period} ${item.payeeId} ${item.policy} ${item.line} (${item.kind}): ${amount}`);
  out.push(`rule \`${t.rule}\` at ${t.location.file}:${t.location.line}${t.description ? ` — ${t.description}` : ''}`);
  if (t.conditions.length) {
    out.push('conditions:');
    t.conditions.forEach((c) => conditionLines(c, 1, out));
  }
  // a flagged transaction is explained by its own condition; the line's formula and items belong to the paid line
  const flagged = !('amount' in item) && !!t.items?.some((i) => !i.paid && item.id.endsWith(`/${i.id}`));
  if (t.formula && !flagged) {
    out.push(`formula: ${t.formula.expression}`);
    out.push(`       = ${t.formula.substituted}`);
    out.push(`       = ${t.formula.exact}${t.formula.exact !== t.formula.rounded && t.formula.rounded ? ` → ${t.formula.rounded} (${t.formula.rounding})` : ''}`);
  }
  if (t.tier) out.push(`tier: value ${t.tier.value}, reached ${t.tier.reached ? JSON.stringify(t.tier.reached) : 'none'}`);
  // posted amounts as the statement shows them: with the line's decimal places (-791.40, not -791.4)
  const places = (('amount' in item ? item.amount : 'wouldPay' in item ? item.wouldPay : '') ?? '').split('.')[1]?.length ?? 2;
  for (const r of t.refunds ?? []) {
    out.push(`refund of ${r.source}: ${r.share} × ${r.deducted} deducted = ${r.amount}`);
    for (const s of r.returns) out.push(`  returns ${s.lineId} (${Exact.parse(s.amount).toFixed(places)})`);
  }
  for (const i of flagged ? [] : t.items ?? []) {
    out.push(`  ${i.paid ? '✓' : '✗'} ${i.id}: ${i.paid ? i.amount : 'flagged, earns nothing'}${i.formula ? ` = ${i.formula.substituted}` : ''}`);
  }
  for (const p of t.parts ?? []) out.push(`  ${p.transaction} part ${p.part} of ${p.parts}: ${p.amount}`);
  if (t.allocation) out.push(`allocation: ${t.allocation.total} shared by weight ${t.allocation.weight} of ${t.allocation.weights} in all`);
  if (t.adjusts) out.push(`adjusts ${t.adjusts.lineId} (${t.adjusts.period}): ${t.adjusts.before} → ${t.adjusts.after}`);
  const values = Object.entries(t.values);
  if (values.length) out.push(`values: ${values.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return out.join('\n');
}
