// Messages of reports: the multi-line explanation of one line (`ratecard explain`) and the
// statement's withheld rows.
import { entry } from '../message.js';
import { yuan, zhType } from '../format.js';

export const reportMessages = {
  'explain.header': entry(
    (p: { period: string; payee: string; policy: string; line: string; kind: string; amount: string }) => `${p.period} ${p.payee} ${p.policy} ${p.line} (${p.kind}): ${p.amount}`,
    (p) => `${p.period} ${p.payee} ${p.policy} ${p.line}（${zhType(p.kind)}）：${p.amount}`),
  'explain.paid': entry((p: { amount: string }) => p.amount, (p) => yuan(p.amount)),
  'explain.unpaid': entry((p: { reason: string }) => `0 (${p.reason})`, (p) => `0（${p.reason}）`),
  'explain.withheld': entry(
    (p: { reason: string; wouldPay?: string }) => `0 (${p.reason}${p.wouldPay ? `; would have been ${p.wouldPay}` : ''})`,
    (p) => `0（${p.reason}${p.wouldPay ? `；本应为 ${yuan(p.wouldPay)}` : ''}）`),
  'explain.rule': entry(
    (p: { rule: string; file: string; line: number; description?: string }) => `rule \`${p.rule}\` at ${p.file}:${p.line}${p.description ? ` — ${p.description}` : ''}`,
    (p) => `规则 \`${p.rule}\`，位于 ${p.file}:${p.line}${p.description ? ` — ${p.description}` : ''}`),
  'explain.conditions': entry(() => 'conditions:', () => '条件：'),
  'explain.formula': entry((p: { expression: string }) => `formula: ${p.expression}`, (p) => `公式：${p.expression}`),
  'explain.rounded': entry(
    (p: { rounded: string; rounding: string }) => ` → ${p.rounded} (${p.rounding})`,
    (p) => ` → ${yuan(p.rounded)}（${p.rounding}）`),
  'explain.tier': entry(
    (p: { value: string; reached?: string }) => `tier: value ${p.value}, reached ${p.reached ?? 'none'}`,
    (p) => `阶梯：取值 ${p.value}，达到 ${p.reached ?? '无'}`),
  'explain.refund': entry(
    (p: { source: string; share: string; deducted: string; amount: string }) => `refund of ${p.source}: ${p.share} × ${p.deducted} deducted = ${p.amount}`,
    (p) => `返还 ${p.source}：${p.share} × 已扣 ${p.deducted} = ${p.amount}`),
  'explain.returns': entry(
    (p: { line: string; amount: string }) => `  returns ${p.line} (${p.amount})`,
    (p) => `  返还 ${p.line}（${yuan(p.amount)}）`),
  'explain.item': entry(
    (p: { paid: boolean; id: string; amount: string; substituted?: string }) => `  ${p.paid ? '✓' : '✗'} ${p.id}: ${p.paid ? p.amount : 'flagged, earns nothing'}${p.substituted ? ` = ${p.substituted}` : ''}`,
    (p) => `  ${p.paid ? '✓' : '✗'} ${p.id}：${p.paid ? p.amount : '被标记，不计酬'}${p.substituted ? ` = ${p.substituted}` : ''}`),
  'explain.part': entry(
    (p: { transaction: string; part: number; parts: number; amount: string }) => `  ${p.transaction} part ${p.part} of ${p.parts}: ${p.amount}`,
    (p) => `  ${p.transaction} 第 ${p.part}/${p.parts} 期：${yuan(p.amount)}`),
  'explain.allocation': entry(
    (p: { total: string; weight: string; weights: string }) => `allocation: ${p.total} shared by weight ${p.weight} of ${p.weights} in all`,
    (p) => `分配：${yuan(p.total)} 按权重分配，本方权重 ${p.weight}，合计 ${p.weights}`),
  'explain.adjusts': entry(
    (p: { line: string; period: string; before: string; after: string }) => `adjusts ${p.line} (${p.period}): ${p.before} → ${p.after}`,
    (p) => `调整 ${p.line}（${p.period}）：${yuan(p.before)} → ${yuan(p.after)}`),
  'explain.values': entry((p: { values: string[] }) => `values: ${p.values.join(', ')}`, (p) => `取值：${p.values.join('，')}`),
  'explain.no-lines': entry(
    (p: { payee: string; period?: string; line?: string }) => `no lines for payee \`${p.payee}\`${p.period ? ` in ${p.period}` : ''}${p.line ? ` for \`${p.line}\`` : ''}`,
    (p) => `收款方 \`${p.payee}\`${p.period ? ` 在 ${p.period}` : ''}${p.line ? ` 的 \`${p.line}\`` : ''} 没有结算行`),
  'cli.warning': entry((p: { text: string }) => `${p.text} (warning)`, (p) => `${p.text}（警告）`),
  'cli.ok': entry((p: { file: string }) => `${p.file}: ok`, (p) => `${p.file}：通过`),
  'statement.would-pay': entry(
    (p: { reason: string; wouldPay?: string }) => `${p.reason}${p.wouldPay ? ` (would have been ${p.wouldPay})` : ''}`,
    (p) => `${p.reason}${p.wouldPay ? `（本应为 ${yuan(p.wouldPay)}）` : ''}`),
};
