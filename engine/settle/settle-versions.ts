// A range settled under several versions of one policy, each in force from its effective month
// (生效账期): every month is settled by the version in force then, and each version reads what
// the earlier ones paid as posted history, so windows and refunds across an amendment read the
// lines actually paid — the same as settling each version's months into the store in turn.
import { errorAt, RatecardError } from '../errors.js';
import { msg } from '../messages/msg.js';
import type { Dataset } from '../data/dataset.js';
import { monthIndex, periodOf } from '../data/period.js';
import type { CompiledPolicy } from '../policy/load-policy.js';
import type { Diagnostic, LedgerLine, SettleOptions, Statement, StatementLine } from '../types.js';
import { resolveRange, settle } from './settle.js';
import { totalsOf } from './totals.js';

export interface PolicyVersion {
  policy: CompiledPolicy;
  /** The dataset read for this version (versions may read different facts). */
  dataset: Dataset;
}

/** Posted lines as history for the next version: refunds keep the quarters they returned. */
export function ledgerOf(lines: StatementLine[]): LedgerLine[] {
  return lines.map((l) => ({
    id: l.id, period: l.period, payeeId: l.payeeId, line: l.line, kind: l.kind, amount: l.amount,
    returnsSources: l.trace.refunds?.map((r) => r.source),
  }));
}

/** Each version's months: from its effective month to the month before the next one's. */
function spans(versions: PolicyVersion[]): { version: PolicyVersion; from?: number; to?: number }[] {
  const problems: Diagnostic[] = [];
  const ids = new Set(versions.map((v) => v.policy.id));
  if (ids.size > 1) {
    problems.push(errorAt({ file: versions[1].policy.source.file, line: 1, column: 1 }, 'id', msg('settle.version-ids', { ids: [...ids].map((i) => `\`${i}\``).join(' and ') }), 'versions'));
  }
  const sorted = [...versions].sort((a, b) => (a.policy.plan.effective.from ?? -Infinity) - (b.policy.plan.effective.from ?? -Infinity));
  sorted.forEach((v, i) => {
    if (i > 0 && v.policy.plan.effective.from === undefined) {
      problems.push(errorAt({ file: v.policy.source.file, line: 1, column: 1 }, 'effective.from', msg('settle.version-effective'), 'versions'));
    }
    if (i > 0 && v.policy.plan.effective.from !== undefined && v.policy.plan.effective.from === sorted[i - 1].policy.plan.effective.from) {
      problems.push(errorAt({ file: v.policy.source.file, line: 1, column: 1 }, 'effective.from', `\`${v.policy.source.file}\` and \`${sorted[i - 1].policy.source.file}\` both come into force in ${periodOf(v.policy.plan.effective.from!)}`, 'versions'));
    }
  });
  if (problems.length) throw new RatecardError(problems);
  return sorted.map((version, i) => ({
    version,
    from: version.policy.plan.effective.from,
    to: i + 1 < sorted.length ? sorted[i + 1].policy.plan.effective.from! - 1 : version.policy.plan.effective.to,
  }));
}

/** Settles `from`–`to` month by month under the version in force; lines say which version paid them. */
export function settleVersions(versions: PolicyVersion[], options: SettleOptions = {}): Statement & { versions: { version: string; hash: string; from: string; to: string }[] } {
  if (!versions.length) throw new RangeError('no policy version to settle');
  const parts = spans(versions);
  const last = parts[parts.length - 1].version;
  const range = resolveRange(last.dataset, options);
  // without posted history, the year of `from` is settled from its start (as `settle` does), so the
  // earlier months' lines are the history of the versions that follow
  let history = options.history ? [...options.history] : undefined;
  const lines: StatementLine[] = [];
  const withheld: Statement['withheld'] = [];
  const used: { version: string; hash: string; from: string; to: string }[] = [];
  for (const { version, from, to } of parts) {
    const a = Math.max(from ?? range.start, range.start);
    const b = Math.min(to ?? range.to, range.to);
    if (a > b) continue;
    const part = settle(version.policy, version.dataset, { ...options, from: periodOf(a), to: periodOf(b), history, detail: 'trace' });
    history = [...(history ?? []), ...ledgerOf(part.lines)];
    const shown = (p: string) => monthIndex(p)! >= range.from;
    lines.push(...part.lines.filter((l) => shown(l.period)).map((l) => ({ ...l, version: version.policy.version })));
    withheld.push(...part.withheld.filter((w) => shown(w.period)));
    if (b >= range.from) used.push({ version: version.policy.version, hash: version.policy.hash, from: periodOf(Math.max(a, range.from)), to: periodOf(b) });
  }
  // payee-major as a single settle orders them: payees.csv order, then month, then rule
  const order = new Map(last.dataset.payees.map((p, i) => [p.payeeId, i]));
  const byPayee = <T extends { payeeId: string; period: string }>(list: T[]) =>
    list.map((x, i) => ({ x, i })).sort((p, q) => (order.get(p.x.payeeId)! - order.get(q.x.payeeId)!) || (p.x.period < q.x.period ? -1 : p.x.period > q.x.period ? 1 : p.i - q.i)).map((p) => p.x);
  const sorted = byPayee(lines);
  return {
    policy: { id: last.policy.id, version: last.policy.version, hash: last.policy.hash },
    from: periodOf(range.from), to: periodOf(range.to),
    lines: sorted, withheld: byPayee(withheld),
    totals: totalsOf(sorted),
    versions: used,
  };
}
