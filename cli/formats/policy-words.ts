// A policy's YAML in Chinese words, for the published policy document (政策文件): parameter values
// as a reader writes them (2%, 1.50 元), conditions as sentences, amounts as formulas with each
// parameter's current value. Numbers are shown as written in the file, never through a float.
import { Exact, type ParamInfo, type ParamValue } from '../../engine/index.js';

export const FREQUENCY_ZH: Record<string, string> = { monthly: '每月', quarterly: '每季末月（3、6、9、12 月）', yearly: '每年 12 月' };
const TYPE_ZH: Record<string, string> = { rate: '比率', ratio: '倍数', money: '金额（元）', count: '数量', integer: '整数', number: '数值', map: '分项', list: '列表', tiers: '档位表', schedule: '返还比例表', text: '文本', month: '月份' };
const OPERATOR_ZH: Record<string, string> = {
  equal: '等于', notEqual: '不等于', lessThan: '小于', lessThanInclusive: '小于等于', greaterThan: '大于',
  greaterThanInclusive: '大于等于', in: '属于', notIn: '不属于', contains: '包含', doesNotContain: '不包含',
};

export const typeZh = (t: string) => TYPE_ZH[t] ?? t;

/** One scalar of a parameter as a reader writes it: rates in percent, money in 元. */
export function scalarZh(type: string | undefined, value: string): string {
  if (type === 'rate') return `${Exact.parse(value).mul(Exact.of(100)).toString()}%`;
  if (type === 'money') return `${Exact.parse(value).round(2).eq(Exact.parse(value)) ? Exact.parse(value).toFixed(2) : value} 元`;
  if (type === 'ratio') return `${value} 倍`;
  return value;
}

/** A parameter's current value in words (maps and lists inline; tiers and schedules are tables, see below). */
export function paramValueZh(p: ParamInfo): string {
  const v = p.value;
  if (p.type === 'map' && v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).map(([k, x]) => `${k} ${scalarZh(p.of, String(x))}`).join('、');
  if (p.type === 'list' && Array.isArray(v)) return v.map((x, i) => `第 ${i + 1} 项 ${scalarZh(p.of, String(x))}`).join('、');
  if (typeof v === 'string') return scalarZh(p.type, v);
  return '见下表';
}

/** A tier or schedule parameter as a table: header and rows of text. */
export function paramTable(p: ParamInfo): { head: string[]; rows: string[][] } | undefined {
  if (p.type === 'tiers' && Array.isArray(p.value)) {
    const columns = Object.keys(p.columns ?? (p.value[0] as Record<string, ParamValue>) ?? {});
    return {
      head: columns.map((c) => (c === 'min' ? '下限（含）' : c === 'max' ? '上限（不含）' : c)),
      rows: (p.value as Record<string, ParamValue>[]).map((row) => columns.map((c) => (row[c] === undefined ? '—' : scalarZh(p.columns?.[c], String(row[c]))))),
    };
  }
  if (p.type === 'schedule' && p.value && typeof p.value === 'object' && !Array.isArray(p.value)) {
    const months = Object.entries(p.value as Record<string, Record<string, ParamValue>>);
    const sources = [...new Set(months.flatMap(([, s]) => Object.keys(s)))].sort();
    return {
      head: ['检查月', ...sources.map((q) => `返还 ${q}`)],
      rows: months.map(([m, s]) => [`${m} 月`, ...sources.map((q) => (s[q] === undefined ? '—' : scalarZh('rate', String(s[q]))))]),
    };
  }
  return undefined;
}

type Node = Record<string, unknown>;

/** An expression with each parameter name followed by its current value: `step_rate（2%）`. */
export function withValues(expression: unknown, params: Map<string, ParamInfo>): string {
  return String(expression).replace(/\b([a-z][a-z0-9_]*)(\.[a-z0-9_]+)?\b/g, (text, name: string, member?: string) => {
    const p = params.get(name);
    if (p && typeof p.value === 'string' && !member) return `${text}（${scalarZh(p.type, p.value)}）`;
    const item = member && p?.type === 'map' && p.value && typeof p.value === 'object' ? (p.value as Record<string, ParamValue>)[member.slice(1)] : undefined;
    return typeof item === 'string' ? `${text}（${scalarZh(p!.of, item)}）` : text;
  });
}

const valueZh = (value: unknown, params: Map<string, ParamInfo>): string => {
  if (value && typeof value === 'object' && 'fact' in (value as Node)) return withValues((value as Node).fact, params);
  return Array.isArray(value) ? value.map(String).join('、') : String(value);
};

/** A json-rules-engine condition as a sentence. */
export function conditionZh(c: unknown, params: Map<string, ParamInfo>): string {
  const n = (c ?? {}) as Node;
  const label = typeof n.name === 'string' ? `${n.name}：` : '';
  if (Array.isArray(n.all)) return label + (n.all.length === 1 ? conditionZh(n.all[0], params) : `同时满足（${n.all.map((x) => conditionZh(x, params)).join('；')}）`);
  if (Array.isArray(n.any)) return label + (n.any.length === 1 ? conditionZh(n.any[0], params) : `满足其一（${n.any.map((x) => conditionZh(x, params)).join('；')}）`);
  if (n.not !== undefined) return `${label}不满足（${conditionZh(n.not, params)}）`;
  if (typeof n.condition === 'string') return `${label}条件 ${n.condition} 成立`;
  const path = typeof n.path === 'string' ? ` 的 ${n.path}` : '';
  return `${label}${n.fact}${path} ${OPERATOR_ZH[String(n.operator)] ?? n.operator} ${valueZh(n.value, params)}`;
}

/** An amount (expression or structured primitive) as a formula in words. */
export function amountZh(amount: unknown, params: Map<string, ParamInfo>): string {
  const w = (e: unknown) => withValues(e, params);
  if (typeof amount === 'string' || typeof amount === 'number') return w(amount);
  const a = (amount ?? {}) as Node;
  const [kind, body] = Object.entries(a)[0] ?? [];
  const b = (body ?? {}) as Node;
  switch (kind) {
    case 'percent_of': return `${w(b.base)} × ${w(b.rate)}`;
    case 'per_unit': return `${w(b.units)} × ${w(b.price)}`;
    case 'step_deduction':
      return `${w(b.shortfall)} 每满 ${w(b.step)} 扣 ${w(b.base)} 的 ${w(b.rate)}${b.cap !== undefined ? `，最多扣 ${w(b.base)} 的 ${w(b.cap)}` : ''}（不足一档不扣）`;
    case 'tier': {
      const mode = b.mode === 'marginal' ? '分段累进：每段按其比例计算落在该段内的部分' : '按达到的最高档';
      const pay = b.pay !== undefined ? `发放该档的 ${b.pay}` : `${w(b.base)} × 该档的 ${b.rate ?? 'rate'}`;
      return `以 ${w(b.value)} 查 ${b.table} 档位表，${mode}，${pay}；低于最低档不发`;
    }
    case 'refund':
      return `检查月累计完成时，按 ${b.schedule} 返还表返还 ${b.of} 各季度已扣金额的相应比例；每季度的扣款只返还一次，返还比例为 0 的季度留待下次检查`;
    case 'allocate':
      return `将 ${w(b.total)} 按 ${w(b.weight)} 的比例分给${b.by ? `同一 ${b.by} 的` : ''}各收款方（最大余额法：先按分向下取整，余下的分按余数从大到小每人一分，余数相同按收款方编号），各份合计恰为总额`;
    case 'instalments':
      return `每笔应计 ${w(b.total)}，分 ${w(b.parts)} 期在之后各月发放（除最后一期外每期按分向下取整，最后一期补足差额）${b.paid_while ? `；某期仅当 ${w(b.paid_while)} 时发放` : ''}`;
    case 'clawback':
      return `${b.event} 发生在 ${w(b.within)} 个月内的，于发生当月追扣此前已发放的 ${b.of}`;
    default: return `\`${JSON.stringify(amount)}\``;
  }
}
