// Messages of traces and explanations: condition steps, worded formulas, withheld and unpaid
// reasons, the one-sentence explanation of a statement line.
import { entry } from '../message.js';
import { yuan } from '../format.js';

const SYMBOL: Record<string, string> = {
  equal: '=', notEqual: '≠', lessThan: '<', lessThanInclusive: '≤', greaterThan: '>', greaterThanInclusive: '≥',
  in: 'in', notIn: 'not in', contains: 'contains', doesNotContain: 'does not contain',
};
const ZH_SYMBOL: Record<string, string> = { ...SYMBOL, in: '属于', notIn: '不属于', contains: '包含', doesNotContain: '不包含' };
const arrow = (result: boolean | undefined) => (result === undefined ? '' : ` → ${result}`);
const zhArrow = (result: boolean | undefined) => (result === undefined ? '' : ` → ${result ? '成立' : '不成立'}`);
const labelled = (name: string | undefined) => (name ? `${name}: ` : '');
const zhLabelled = (name: string | undefined) => (name ? `${name}：` : '');

/** Operator words of a condition leaf (`≥`, `in`), for a language. */
export const operatorSymbol = (operator: string, zh: boolean) => (zh ? ZH_SYMBOL : SYMBOL)[operator] ?? operator;

export const traceMessages = {
  // condition steps; `result` absent when a step is named as a reason (`… is not met`)
  'trace.compare': entry(
    (p: { name?: string; fact: string; factValue: string; operator: string; valueName?: string; value: string; result?: boolean }) =>
      `${labelled(p.name)}${p.fact} ${p.factValue} ${operatorSymbol(p.operator, false)} ${p.valueName ? `${p.valueName} ` : ''}${p.value}${arrow(p.result)}`,
    (p) => `${zhLabelled(p.name)}${p.fact} ${p.factValue} ${operatorSymbol(p.operator, true)} ${p.valueName ? `${p.valueName} ` : ''}${p.value}${zhArrow(p.result)}`),
  'trace.group': entry(
    (p: { name?: string; kind: string; count: number; result: boolean }) => `${labelled(p.name)}${p.kind === 'all' ? 'all of' : 'any of'} ${p.count}${arrow(p.result)}`,
    (p) => `${zhLabelled(p.name)}${p.kind === 'all' ? `以下 ${p.count} 项全部满足` : `以下 ${p.count} 项任一满足`}${zhArrow(p.result)}`),
  'trace.not': entry(
    (p: { name?: string; inner: string; result?: boolean }) => `${labelled(p.name)}not (${p.inner})${arrow(p.result)}`,
    (p) => `${zhLabelled(p.name)}并非（${p.inner}）${zhArrow(p.result)}`),
  'trace.labelled': entry(
    (p: { label: string; text: string }) => `${p.label}: ${p.text}`,
    (p) => `${p.label}：${p.text}`),
  'trace.skipped': entry(
    () => '(not evaluated: the group was already decided)',
    () => '（未计算：该组结果已确定）'),
  'trace.not-met': entry(
    (p: { condition: string }) => `${p.condition} is not met`,
    (p) => `${p.condition} 未满足`),
  'trace.item-unpaid': entry(
    () => 'did not meet the condition',
    () => '未满足条件'),

  // worded formulas
  'formula.negated': entry((p: { inner: string }) => `-(${p.inner})`, (p) => `-(${p.inner})`),
  'formula.tier-marginal': entry(
    (p: { table: string; value: string }) => `marginal bands of ${p.table} over ${p.value}`,
    (p) => `按 ${p.table} 对 ${p.value} 超额累进`),
  'formula.tier-pay': entry(
    (p: { table: string; value: string; pay: string }) => `${p.table}[highest min ≤ ${p.value}].${p.pay}`,
    (p) => `${p.table}[min ≤ ${p.value} 的最高档].${p.pay}`),
  'formula.tier-rate': entry(
    (p: { table: string; value: string; rate: string; base: string }) => `${p.table}[highest min ≤ ${p.value}].${p.rate} * ${p.base}`,
    (p) => `${p.table}[min ≤ ${p.value} 的最高档].${p.rate} * ${p.base}`),
  'formula.bands': entry(
    (p: { table: string; value: string }) => `bands of ${p.table} over ${p.value}`,
    (p) => `${p.table} 各档，按 ${p.value} 计`),
  'formula.tier-reached': entry(
    (p: { min: string; value: string }) => `tier min ${p.min} reached by ${p.value}`,
    (p) => `${p.value} 达到下限为 ${p.min} 的一档`),
  'formula.below-lowest': entry(
    (p: { value: string }) => `${p.value} is below the lowest tier`,
    (p) => `${p.value} 低于最低一档`),
  'formula.refund': entry(
    (p: { of: string; schedule: string }) => `Σ share × deductions of ${p.of} per source quarter (${p.schedule}), each quarter rounded once`,
    (p) => `Σ 比例 × 各来源季度 ${p.of} 的扣款（${p.schedule}），每季度舍入一次`),
  'formula.refund-parts': entry(
    (p: { parts: string[] }) => p.parts.join(' + ') || 'no quarter to return',
    (p) => p.parts.join(' + ') || '没有可返还的季度'),
  'formula.allocate': entry(
    (p: { total: string; weight: string; by?: string; group?: string }) => `${p.total} × ${p.weight} / Σ ${p.weight}${p.by ? ` of the ${p.by} \`${p.group}\`` : ''}, largest remainder`,
    (p) => `${p.total} × ${p.weight} / Σ ${p.weight}${p.by ? `（${p.by} 为 \`${p.group}\` 的组内）` : ''}，最大余额法`),
  'formula.instalments': entry(
    (p: { total: string; parts: string }) => `Σ parts of ${p.total} in ${p.parts} instalments due this month`,
    (p) => `Σ 本月到期的 ${p.total} 分 ${p.parts} 期中的各期`),
  'formula.clawback': entry(
    (p: { rule: string; events: string[] }) => `Σ parts of \`${p.rule}\` paid on transactions whose ${p.events.length ? p.events.join(', ') : 'event'} is this month`,
    (p) => `Σ ${p.events.length ? p.events.join('、') : '事件'}在本月的交易已获 \`${p.rule}\` 的各期`),
  'formula.part': entry(
    (p: { amount: string; id: string; part: number; parts: number }) => `${p.amount} (${p.id} part ${p.part}/${p.parts})`,
    (p) => `${p.amount}（${p.id} 第 ${p.part}/${p.parts} 期）`),
  'formula.parts': entry(
    (p: { parts: string[] }) => p.parts.join(' + ') || 'no part',
    (p) => p.parts.join(' + ') || '无到期分期'),
  'formula.each': entry(
    (p: { formula: string; each: boolean }) => `Σ over transactions of ${p.formula}${p.each ? ', each rounded' : ''}`,
    (p) => `对各笔交易求和 ${p.formula}${p.each ? '，逐笔舍入' : ''}`),
  'formula.paid-items': entry(
    (p: { amounts: string[] }) => p.amounts.join(' + ') || 'no paid transaction',
    (p) => p.amounts.join(' + ') || '没有计酬的交易'),
  'rounding.mode': entry(
    (p: { mode: string; scale: number }) => `${p.mode} to ${p.scale} places`,
    (p) => `${({ 'half-up': '四舍五入', 'half-even': '银行家舍入', down: '向零舍去', up: '远离零进位', floor: '向下取整', ceiling: '向上取整' } as Record<string, string>)[p.mode] ?? p.mode}到 ${p.scale} 位小数`),
  'rounding.largest-remainder': entry(
    () => 'shares rounded down, the cents left over to the largest remainders (ties by payee id)',
    () => '各份向下舍去，余下的分按余数从大到小分配（余数相同按收款方编号）'),
  'rounding.parts': entry(
    () => 'each part already at the rounding scale',
    () => '每期已按舍入精度计算'),
  'rounding.summed': entry(
    () => 'summed, then rounded',
    () => '先求和，再舍入'),

  // reasons
  'withheld.reason': entry(
    (p: { failed: string[]; lapsed?: string }) => `withheld: ${p.failed.join('; ') || 'gate not met'}${p.lapsed ? `; ${p.lapsed}` : ''}`,
    (p) => `未发放：${p.failed.join('；') || '未达到发放门槛'}${p.lapsed ? `；${p.lapsed}` : ''}`),
  'withheld.lapsed': entry(
    (p: { by?: string; group?: string; total: string }) => `no payee${p.by ? ` of the ${p.by} \`${p.group}\`` : ''} shares it this month, so its total ${p.total} lapses`,
    (p) => `本月${p.by ? ` ${p.by} 为 \`${p.group}\` 的组内` : ''}没有收款方参与分配，总额 ${yuan(p.total)} 作废`),
  'withheld.flagged': entry(
    (p: { id: string; failed: string[] }) => `transaction \`${p.id}\` flagged: ${p.failed.join('; ') || 'condition not met'}`,
    (p) => `交易 \`${p.id}\` 被标记：${p.failed.join('；') || '未满足条件'}`),
  'unpaid.not-applicable': entry(
    (p: { failed: string[] }) => `not applicable: ${p.failed.join('; ') || 'its condition does not hold'}`,
    (p) => `不适用：${p.failed.join('；') || '其条件不成立'}`),
  'unpaid.zero': entry(
    (p: { expression?: string; substituted?: string }) => `came to 0: ${p.expression !== undefined ? `${p.expression} = ${p.substituted}` : 'nothing to pay'}`,
    (p) => `结果为 0：${p.expression !== undefined ? `${p.expression} = ${p.substituted}` : '没有应付金额'}`),

  // the explanation sentence of a statement line
  'explain.line': entry(
    (p: { rule: string; expression?: string; substituted?: string; exact?: string; rounded?: string; held: string[]; flagged: string[] }) => [
      p.expression !== undefined ? `${p.rule} = ${p.expression} = ${p.substituted} = ${p.exact}${p.exact !== p.rounded ? ` → ${p.rounded}` : ''}` : p.rule,
      p.held.length ? `because ${p.held.join(', ')}` : '',
      p.flagged.length ? `flagged: ${p.flagged.join(', ')}` : '',
    ].filter(Boolean).join('; '),
    (p) => [
      p.expression !== undefined ? `${p.rule} = ${p.expression} = ${p.substituted} = ${p.exact}${p.exact !== p.rounded ? ` → ${yuan(p.rounded ?? '')}` : ''}` : p.rule,
      p.held.length ? `因为 ${p.held.join('，')}` : '',
      p.flagged.length ? `被标记：${p.flagged.join('、')}` : '',
    ].filter(Boolean).join('；')),
};
