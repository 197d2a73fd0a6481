// Payee statements (对账单): a settled statement grouped per payee and month, each line with its
// explanation in Chinese (the formula with its numbers, the conditions that held, the deductions a
// refund returns and the refunds that returned a deduction), totals by kind, and the policy version.
// Pure: the xlsx and HTML renderers in this folder, the CLI and the service share it.
import { ruleTitles } from './policy-yaml.js';
import { Exact, totalsOf, type ConditionTrace, type LineKind, type PayeeRecord, type SourceText, type StatementLine, type Totals, type WithheldItem } from '../../engine/index.js';

export const KIND_ZH: Record<LineKind, string> = { commission: '酬金', deduction: '扣减', refund: '返还', bonus: '奖励' };

export interface PayeeStatementInput {
  /** With its source, the statement names each line by its zh-CN label (`labels: {zh-CN: {title}}`). */
  policy: { id: string; name?: string; version: string; source?: SourceText };
  payees: PayeeRecord[];
  /** Lines in statement order (payee, month, rule), e.g. `settle(...).lines` or posted lines. */
  lines: StatementLine[];
  withheld?: WithheldItem[];
  /** The language of the explanations: 简体中文 (default, for documents payees receive) or the engine's English sentence. */
  lang?: StatementLanguage;
}

export const STATEMENT_LANGUAGES = ['zh-CN', 'en'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];

export interface PayeeStatementLine {
  line: string;
  /** The rule's description, when the policy gives one. */
  description?: string;
  kind: LineKind;
  amount: string;
  explanation: string;
  /** The policy version that paid the line, when known (settled over versions, or read from the store). */
  version?: string;
}

export interface PayeeStatement {
  policy: PayeeStatementInput['policy'];
  payee: { id: string; name?: string; channelType: string; attributes: Record<string, string> };
  period: string;
  lines: PayeeStatementLine[];
  withheld: { line: string; kind: LineKind; reason: string; wouldPay?: string }[];
  totals: Totals;
}

/** One statement per payee and month with lines or withheld items, in statement order. */
export function payeeStatements(input: PayeeStatementInput): PayeeStatement[] {
  const payees = new Map(input.payees.map((p) => [p.payeeId, p]));
  const refundsOf = refundsByDeduction(input.lines);
  const groups = new Map<string, { lines: StatementLine[]; withheld: WithheldItem[] }>();
  const group = (payee: string, period: string) => {
    const key = `${payee}\u0000${period}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { lines: [], withheld: [] }));
    return g;
  };
  for (const l of input.lines) group(l.payeeId, l.period).lines.push(l);
  for (const w of input.withheld ?? []) group(w.payeeId, w.period).withheld.push(w);
  const order = new Map(input.payees.map((p, i) => [p.payeeId, i]));
  const policy = { id: input.policy.id, name: input.policy.name, version: input.policy.version };
  const titles = input.policy.source ? ruleTitles(input.policy.source.text) : {};
  return [...groups.entries()]
    .map(([key, g]) => ({ key: key.split('\u0000'), g }))
    .sort((a, b) => (order.get(a.key[0]) ?? Infinity) - (order.get(b.key[0]) ?? Infinity) || (a.key[0] < b.key[0] ? -1 : a.key[0] > b.key[0] ? 1 : 0) || (a.key[1] < b.key[1] ? -1 : a.key[1] > b.key[1] ? 1 : 0))
    .map(({ key: [payeeId, period], g }) => {
      const p = payees.get(payeeId);
      return {
        // settled over several versions (or posted by runs of several), the month names each version that paid it
        policy: { ...policy, version: versionsOf(g.lines) ?? policy.version },
        payee: { id: payeeId, name: p?.name, channelType: p?.channelType ?? '', attributes: otherAttributes(p?.attributes ?? {}) },
        period,
        lines: g.lines.map((l) => ({ line: l.line, description: titles[l.line.split('@')[0]] || l.trace?.description, kind: l.kind, amount: l.amount, explanation: input.lang === 'en' ? l.explanation : explainZh(l, refundsOf.get(l.id)), ...(l.version ? { version: l.version } : {}) })),
        withheld: g.withheld.map((w) => ({ line: w.line, kind: w.kind, reason: w.reason, wouldPay: w.wouldPay })),
        totals: totalsOf(g.lines),
      };
    });
}

/** The versions that paid the lines, in order of first appearance (`1`, or `1、2` for a month with lines of both). */
const versionsOf = (lines: StatementLine[]) => {
  const versions = [...new Set(lines.map((l) => l.version).filter((v): v is string => Boolean(v)))];
  return versions.length ? versions.join('、') : undefined;
};

/** The line's name as a statement shows it: with the version that paid it when the month has lines of several versions. */
export const lineCaption = (s: PayeeStatement, l: PayeeStatementLine): string =>
  l.version && s.policy.version.includes('、') ? `${l.line}（第 ${l.version} 版）` : l.line;

/** Payee columns besides id, name and channel type, which the statement shows on their own. */
const otherAttributes = (a: Record<string, string>) =>
  Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'payee_id' && k !== 'name' && k !== 'channel_type'));

/** deduction line id → the refund lines that returned a share of it. */
function refundsByDeduction(lines: StatementLine[]): Map<string, { period: string; line: string; share: string }[]> {
  const out = new Map<string, { period: string; line: string; share: string }[]>();
  for (const l of lines) {
    for (const r of l.trace?.refunds ?? []) {
      for (const s of r.returns) {
        const list = out.get(s.lineId) ?? [];
        list.push({ period: l.period, line: l.line, share: r.share });
        out.set(s.lineId, list);
      }
    }
  }
  return out;
}

const percent = (share: string) => `${Exact.parse(share).mul(Exact.of(100)).toString()}%`;
/** `rural-contract/R01/2025-01/under_completion` → `2025-01 under_completion`. */
const lineName = (id: string) => id.split('/').slice(-2).join(' ');

/** The leaf conditions with this result, inside groups with the same result (what held, or what failed). */
function conditionsWith(list: ConditionTrace[], result: boolean, out: string[] = []): string[] {
  for (const c of list) {
    if (c.result !== result || c.operator === 'skipped') continue;
    if (c.children?.length) conditionsWith(c.children, result, out);
    else out.push(c.text.replace(/ → (true|false)$/, ''));
  }
  return out;
}

/** The line in words: 计算, 依据, 返还 and 逐笔 parts, from its trace (its English sentence without one). */
export function explainZh(line: StatementLine, returnedBy: { period: string; line: string; share: string }[] = []): string {
  const t = line.trace;
  if (!t) return line.explanation;
  const parts: string[] = [];
  if (t.adjusts) parts.push(`更正 ${t.adjusts.period} 的 ${lineName(t.adjusts.lineId)}：原 ${t.adjusts.before}，现 ${t.adjusts.after}`);
  // amounts with the line's decimal places, as the statement shows them (-30.00, not -30)
  const places = line.amount.split('.')[1]?.length ?? 0;
  const money = (a: string) => Exact.parse(a).toFixed(places);
  for (const r of (t.refunds ?? []).filter((r) => !Exact.parse(r.amount).isZero())) {
    parts.push(`返还 ${r.source} 扣减 ${money(r.deducted)} 的 ${percent(r.share)} = ${money(r.amount)}（对应 ${r.returns.map((s) => `${lineName(s.lineId)} ${money(s.amount)}`).join('、')}）`);
  }
  if (t.formula && !t.refunds?.length) {
    const f = t.formula;
    const rounded = f.rounded && (f.exact.endsWith('…') || !Exact.parse(f.exact).eq(Exact.parse(f.rounded)));
    parts.push(`计算：${f.expression} = ${f.substituted} = ${f.exact}${rounded ? `，四舍五入为 ${f.rounded}` : ''}`);
  }
  const paid = (t.items ?? []).filter((i) => i.paid);
  const flagged = (t.items ?? []).filter((i) => !i.paid);
  if (paid.length) parts.push(`逐笔：${paid.map((i) => `${i.id} ${i.amount}`).join('、')}`);
  if (flagged.length) parts.push(`不计酬：${flagged.map((i) => `${i.id}（未满足 ${conditionsWith(i.conditions, false).join('；') || i.reason}）`).join('、')}`);
  const held = conditionsWith(t.conditions, true);
  if (held.length) parts.push(`依据：${held.join('；')}`);
  if (returnedBy.length) parts.push(`已返还：${returnedBy.map((r) => `${r.period} ${r.line} ${percent(r.share)}`).join('、')}`);
  return parts.join('。') || line.explanation;
}
