// One run, planned before any write: settle the range (with the posted history before it),
// compare with what stands posted, and plan the difference, posted later in one transaction
// under the policy's lock (and planned again when the policy changed in between).
//   - open periods of the range: their regular lines are replaced by the new ones (they were
//     not paid yet); when nothing differs, nothing is written and the run is `unchanged`;
//   - closed periods of the range: never touched; each difference to what stands posted for
//     them becomes an adjustment line in the first open period after the last closed one;
//     adjustments there that earlier runs posted for the same periods are replaced.
import { type CompiledPolicy, type Dataset, errorAt, loadPolicy, type Period, RatecardError, readDataset, settle, type Statement, type StatementLine, totalsOf } from '../engine/index.js';
import { adjustmentsFor } from './adjustments.js';
import type { Posting, Steps } from './backend.js';
import { canonicalJson } from './canonical-json.js';
import { factsHash } from './facts-hash.js';
import { historyFrom } from './history.js';
import { nextPeriod, periodAt, periodsBetween, requireMonth } from './periods.js';
import type { BookOptions, ClosedPeriod, LedgerRow, LineQuery, PostedLine, RunRecord, RunRequest, RunResult, Stamp, StoredLine } from './types.js';

export interface RunInput {
  policy: CompiledPolicy;
  dataset: Dataset;
  from: Period;
  to: Period;
  startedBy: string;
  factsHash: string;
  settle?: RunRequest['settle'];
}

/** A stored line without its statement-order keys. */
export const strip = ({ payeeOrder: _p, lineOrder: _l, ...line }: StoredLine): PostedLine => line;
const same = (a: StatementLine, b: StatementLine) =>
  a.amount === b.amount && a.kind === b.kind && a.line === b.line && a.period === b.period && a.payeeId === b.payeeId &&
  a.explanation === b.explanation && sameJson(a.trace, b.trace);
// the same key order (SQLite keeps the text) is the common case; JSONB reorders keys
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);

/** A run ready to post, and its result once posted. */
export interface PlannedRun {
  posting: Posting;
  resultOf(run: RunRecord): RunResult;
}

export function* runSteps(input: RunInput, options: BookOptions, where: string): Steps<PlannedRun> {
  const { policy } = input;
  const first = requireMonth(input.from, 'from');
  const last = requireMonth(input.to, 'to');
  if (first > last) throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, 'from', `the range starts at ${input.from}, after its end ${input.to}`, 'bad-option')]);
  // read first: anything posted or closed after it changes the stamp, and the posting is planned again
  const stamp = (yield (r) => r.stamp(policy.id)) as Stamp;
  const lines = function* (query: LineQuery): Steps<StoredLine[]> { return (yield (r) => r.lines(query)) as StoredLine[]; };
  const closed = new Set(((yield (r) => r.closedPeriods(policy.id)) as ClosedPeriod[]).map((c) => c.period));
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
  const hasHistory = (yield (r) => r.hasLines(policy.id, yearStart, input.from)) as boolean;
  const history = hasHistory ? historyFrom((yield (r) => r.ledger(policy.id, yearStart)) as LedgerRow[], input.from) : undefined;
  const closedSet = new Set(closedInRange);
  const closedFrom = closedInRange[0];
  const posted = closedFrom ? yield* lines({ policyId: policy.id, from: closedFrom, to: closedInRange[closedInRange.length - 1], adjustment: false }) : [];
  const closedAdjustments = closedFrom ? (yield* lines({ policyId: policy.id, from: closedFrom, to: lastClosed, adjustment: true })).filter((l) => closedSet.has(l.trace.adjusts!.period)) : [];
  // what this run replaces: the open periods' regular lines, and open adjustments of its closed periods
  const replaced = [
    // open periods of the range are contiguous: they all follow the last closed one
    ...(openInRange.length ? yield* lines({ policyId: policy.id, from: openInRange[0], to: openInRange[openInRange.length - 1], adjustment: false }) : []),
    ...(adjustPeriod && closedFrom
      ? (yield* lines({ policyId: policy.id, from: adjustPeriod, to: adjustPeriod, adjustment: true })).filter((l) => closedSet.has(l.trace.adjusts!.period))
      : []),
  ];

  const settleOptions = { from: input.from, to: input.to, history, detail: 'trace' as const };
  const statement = input.settle
    ? (yield () => input.settle!(policy, input.dataset, settleOptions)) as Statement
    : settle(policy, input.dataset, settleOptions);
  const payeeIndex = new Map(input.dataset.covered.map((p, i) => [p.payeeId, i]));
  const ruleIndex = new Map(policy.rules.map((r, i) => [r.id, i]));
  const payeeOrder = (id: string) => payeeIndex.get(id) ?? payeeIndex.size;
  const fresh = statement.lines.filter((l) => !closedSet.has(l.period));
  const adjustments = closedFrom ? adjustmentsFor({
    policyId: policy.id,
    adjustPeriod: adjustPeriod!,
    recomputed: statement.lines.filter((l) => closedSet.has(l.period)),
    posted,
    closedAdjustments,
    payeeOrder,
    ruleOrder: (rule) => ruleIndex.get(rule) ?? ruleIndex.size,
  }) : [];
  const next = [...fresh, ...adjustments];
  const before = new Map(replaced.map((l) => [l.id, l]));
  const unchanged = replaced.length === next.length && next.every((l) => before.has(l.id) && same(before.get(l.id)!, l));
  const startedAt = (options.now ?? (() => new Date().toISOString()))();

  const make = (runId: string) => {
    const lines: PostedLine[] = unchanged ? replaced.map(strip) : next.map((l) => ({ ...l, runId, adjustment: l.trace.adjusts !== undefined }));
    const regular = lines.filter((l) => !l.adjustment);
    const adjusting = lines.filter((l) => l.adjustment);
    const run: RunRecord = {
      id: runId, policyId: policy.id, policyVersion: policy.version, policyHash: policy.hash, sourceHash: policy.sourceHash,
      ...(policy.overrides ? { overrides: policy.overrides.text } : {}),
      factsHash: input.factsHash, from: input.from, to: input.to, startedBy: input.startedBy, startedAt,
      lineCount: regular.length, adjustmentCount: adjusting.length, totals: totalsOf(lines), unchanged,
    };
    return {
      run, regular, adjusting,
      remove: unchanged ? [] : replaced.map((l) => l.id),
      insert: unchanged ? [] : lines.map((l, i) => ({ ...l, payeeOrder: payeeOrder(l.payeeId), lineOrder: i })),
    };
  };
  return {
    posting: { policyId: policy.id, stamp, make },
    resultOf(run) {
      const { regular, adjusting } = make(run.id);
      return { run, lines: regular, adjustments: adjusting, unchanged };
    },
  };
}

/** The request's policy and dataset loaded, checked and hashed: located errors before anything is read from the store. */
export function runInputOf(request: RunRequest): RunInput {
  const loaded = loadPolicy(request.policy, { overrides: request.overrides });
  if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
  const data = readDataset(request.dataset, loaded.policy);
  if (!data.ok) throw new RatecardError(data.diagnostics);
  return { policy: loaded.policy, dataset: data.dataset, from: request.from, to: request.to, startedBy: request.startedBy, factsHash: factsHash(request.dataset), settle: request.settle };
}

/** How often a run is planned again when other writers keep changing its policy before it can post. */
export const PLAN_ATTEMPTS = 5;

export const stillChanging = (where: string, policyId: string) => new RatecardError([errorAt({ file: where, line: 1, column: 1 }, 'db',
  `the settlement store is busy: \`${policyId}\` changed ${PLAN_ATTEMPTS} times while this run was being settled; try again`, 'busy')]);
