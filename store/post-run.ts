// One run, inside the store's transaction: settle the range (with the posted history before it),
// compare with what stands posted, and post the difference.
//   - open periods of the range: their regular lines are replaced by the new ones (they were
//     not paid yet); when nothing differs, nothing is written and the run is `unchanged`;
//   - closed periods of the range: never touched; each difference to what stands posted for
//     them becomes an adjustment line in the first open period after the last closed one;
//     adjustments there that earlier runs posted for the same periods are replaced.
import { type CompiledPolicy, type Dataset, errorAt, type Period, RatecardError, settle, type StatementLine, totalsOf } from '../engine/index.js';
import { adjustmentsFor } from './adjustments.js';
import { historyFrom } from './history.js';
import { nextPeriod, periodAt, periodsBetween, requireMonth } from './periods.js';
import type { BookOptions, PostedLine, RunRecord, RunResult, SettlementStore, StoredLine } from './settlement-book.js';

export interface RunInput {
  policy: CompiledPolicy;
  dataset: Dataset;
  from: Period;
  to: Period;
  startedBy: string;
  factsHash: string;
}

/** A stored line without its statement-order keys. */
export const strip = ({ payeeOrder: _p, lineOrder: _l, ...line }: StoredLine): PostedLine => line;
const same = (a: StatementLine, b: StatementLine) =>
  a.amount === b.amount && a.kind === b.kind && a.line === b.line && a.period === b.period && a.payeeId === b.payeeId &&
  a.explanation === b.explanation && JSON.stringify(a.trace) === JSON.stringify(b.trace);

export function postRun(store: SettlementStore, input: RunInput, options: BookOptions, where: string): RunResult {
  const { policy } = input;
  const first = requireMonth(input.from, 'from');
  const last = requireMonth(input.to, 'to');
  if (first > last) throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, 'from', `the range starts at ${input.from}, after its end ${input.to}`, 'bad-option')]);
  const closed = new Set(store.closedPeriods(policy.id).map((c) => c.period));
  const lastClosed = [...closed].sort().pop();
  const periods = periodsBetween(first, last);
  const closedInRange = periods.filter((p) => closed.has(p));
  const openInRange = periods.filter((p) => !closed.has(p));
  const behind = openInRange.find((p) => lastClosed !== undefined && p < lastClosed);
  if (behind) {
    throw new RatecardError([errorAt({ file: where, line: 1, column: 1 }, 'from',
      `period \`${behind}\` of \`${policy.id}\` is open but \`${lastClosed}\` after it is closed: nothing can be posted behind a close`, 'closed-period')]);
  }
  const adjustPeriod = lastClosed === undefined ? undefined : nextPeriod(lastClosed);

  // refunds read their own year's ledger, so what is posted from the year's start is the history;
  // with nothing posted before the range that year, the engine settles the earlier months itself
  const yearStart = periodAt(first - (first % 12));
  const hasHistory = store.hasLines(policy.id, yearStart, input.from);
  const history = hasHistory ? historyFrom(store.ledger(policy.id, yearStart), input.from) : undefined;
  const statement = settle(policy, input.dataset, { from: input.from, to: input.to, history, detail: 'trace' });

  const payeeIndex = new Map(input.dataset.covered.map((p, i) => [p.payeeId, i]));
  const ruleIndex = new Map(policy.rules.map((r, i) => [r.id, i]));
  const payeeOrder = (id: string) => payeeIndex.get(id) ?? payeeIndex.size;
  const closedSet = new Set(closedInRange);
  const fresh = statement.lines.filter((l) => !closedSet.has(l.period));
  const adjustments = closedInRange.length ? adjustmentsFor({
    policyId: policy.id,
    adjustPeriod: adjustPeriod!,
    recomputed: statement.lines.filter((l) => closedSet.has(l.period)),
    posted: store.lines({ policyId: policy.id, from: closedInRange[0], to: closedInRange[closedInRange.length - 1], adjustment: false }),
    closedAdjustments: store.lines({ policyId: policy.id, from: closedInRange[0], to: lastClosed, adjustment: true })
      .filter((l) => closedSet.has(l.trace.adjusts!.period)),
    payeeOrder,
    ruleOrder: (rule) => ruleIndex.get(rule) ?? ruleIndex.size,
  }) : [];

  // what this run replaces: the open periods' regular lines, and open adjustments of its closed periods
  const replaced = [
    // open periods of the range are contiguous: they all follow the last closed one
    ...(openInRange.length ? store.lines({ policyId: policy.id, from: openInRange[0], to: openInRange[openInRange.length - 1], adjustment: false }) : []),
    ...(adjustPeriod && closedInRange.length
      ? store.lines({ policyId: policy.id, from: adjustPeriod, to: adjustPeriod, adjustment: true }).filter((l) => closedSet.has(l.trace.adjusts!.period))
      : []),
  ];
  const next = [...fresh, ...adjustments];
  const before = new Map(replaced.map((l) => [l.id, l]));
  const unchanged = replaced.length === next.length && next.every((l) => before.has(l.id) && same(before.get(l.id)!, l));

  const runId = store.nextRunId();
  let posted: PostedLine[];
  if (unchanged) posted = replaced.map(strip);
  else posted = next.map((l) => ({ ...l, runId, adjustment: l.trace.adjusts !== undefined }));
  const lines = posted.filter((l) => !l.adjustment);
  const adjusting = posted.filter((l) => l.adjustment);
  const run: RunRecord = {
    id: runId, policyId: policy.id, policyVersion: policy.version, policyHash: policy.hash, sourceHash: policy.sourceHash,
    ...(policy.overrides ? { overrides: policy.overrides.text } : {}),
    factsHash: input.factsHash, from: input.from, to: input.to, startedBy: input.startedBy,
    startedAt: (options.now ?? (() => new Date().toISOString()))(),
    lineCount: lines.length, adjustmentCount: adjusting.length, totals: totalsOf(posted), unchanged,
  };
  store.insertRun(run);
  if (!unchanged) {
    store.deleteLines(policy.id, replaced.map((l) => l.id));
    posted.forEach((l, i) => {
      store.insertLine({ ...l, payeeOrder: payeeOrder(l.payeeId), lineOrder: i });
      options.afterLineInserted?.(i + 1);
    });
  }
  return { run, lines, adjustments: adjusting, unchanged };
}
