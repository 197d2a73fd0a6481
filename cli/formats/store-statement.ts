// A statement read back from the settlement store, for the documents the CLI (`ratecard
// statement`) and the service (`GET /statement-files/:policyId`) write: the lines as posted, each
// with the policy version of the run that posted it, optionally replayed as of a date — only the
// runs started by then, so adjustments posted later are left out.
import { errorAt, loadPolicy, RatecardError, type PayeeRecord, type Period, type SourceText } from '../../engine/index.js';
import type { PostedLine, RunRecord, StatementQuery } from '../../store/types.js';
import type { PayeeStatementInput, StatementLanguage } from './payee-statement.js';

type Maybe<T> = T | Promise<T>;

/** What a statement needs of a book: the synchronous and the asynchronous book both have it. */
export interface StatementSource {
  statement(query: StatementQuery): Maybe<PostedLine[]>;
  listRuns(filter?: { policyId?: string }): Maybe<RunRecord[]>;
}

export interface StoreStatementQuery extends StatementQuery {
  /** `YYYY-MM-DD` (the end of that day, UTC) or an ISO 8601 time: the statement as it stood then. */
  asOf?: string;
}

export interface StoreStatement {
  /** Posted lines in statement order, each with `version`: the policy version of the run that posted it. */
  lines: PostedLine[];
  /** The runs the lines come from (all runs of the policy up to `asOf`), oldest first. */
  runs: RunRecord[];
  /** The moment replayed (exclusive end, ISO 8601 UTC), when `asOf` was given. */
  before?: string;
  /**
   * Months a run had posted by `asOf` that a later run posted again while they were open, and
   * whose earlier lines the store did not keep (a store written before it kept replaced lines):
   * the replay cannot show them as they stood.
   */
  repostedAfter: Period[];
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The end (exclusive) of the moment `asOf` names, as ISO 8601 UTC; a located error when it is not a date. */
export function replayEnd(asOf: string, field = 'as-of', file = '(options)'): string {
  const bad = () => new RatecardError([errorAt({ file, line: 1, column: 1 }, field, `expected a date as YYYY-MM-DD or an ISO 8601 time such as 2025-09-30T18:00:00Z, got \`${asOf}\``, 'bad-option')]);
  if (DAY.test(asOf)) {
    const day = new Date(`${asOf}T00:00:00.000Z`);
    if (day.toISOString().slice(0, 10) !== asOf) throw bad();
    return new Date(day.getTime() + 86_400_000).toISOString();
  }
  const time = TIME.test(asOf) ? new Date(asOf) : undefined;
  if (!time || Number.isNaN(time.getTime())) throw bad();
  return new Date(time.getTime() + 1).toISOString();
}

const covers = (run: RunRecord, period: Period) => run.from <= period && period <= run.to;

export async function readStoreStatement(book: StatementSource, query: StoreStatementQuery): Promise<StoreStatement> {
  const { asOf, ...lineQuery } = query;
  const before = asOf === undefined ? undefined : replayEnd(asOf);
  const allRuns = await book.listRuns({ policyId: query.policyId });
  // run times are ISO 8601 as the store's clock wrote them: compared as instants, not as text
  const runs = before === undefined ? allRuns : allRuns.filter((r) => Date.parse(r.startedAt) < Date.parse(before));
  const version = new Map(allRuns.map((r) => [r.id, r.policyVersion]));
  const kept = new Set(runs.map((r) => r.id));
  const posted = await book.statement(lineQuery);
  // lines a run posted by then that a later run replaced: they stood at the moment replayed
  const restored = before === undefined ? [] : (await book.statement({ ...lineQuery, replaced: true }))
    .filter((l) => kept.has(l.runId) && l.replacedBy !== undefined && !kept.has(l.replacedBy))
    .map(({ replacedBy: _by, ...l }) => l);
  const standing = posted.filter((l) => kept.has(l.runId));
  // the store's order already holds unless replaced lines come back in between
  const lines = (restored.length ? inStatementOrder(posted, standing.concat(restored)) : standing)
    .map((l) => ({ ...l, version: version.get(l.runId) ?? '' }));
  const back = new Set(restored.map((l) => l.period));
  const later = new Set(posted.filter((l) => !kept.has(l.runId) && !l.adjustment && !back.has(l.period)).map((l) => l.period));
  const repostedAfter = [...later].filter((p) => runs.some((r) => !r.unchanged && covers(r, p))).sort();
  return { lines, runs, ...(before === undefined ? {} : { before }), repostedAfter };
}

/**
 * Lines as the store orders a statement (payee, period, regular before adjustments, then as
 * posted): payees in the order the standing lines name them, each payee-month's lines as read.
 */
function inStatementOrder(standing: PostedLine[], lines: PostedLine[]): PostedLine[] {
  const payeeRank = new Map<string, number>();
  for (const l of [...standing, ...lines]) if (!payeeRank.has(l.payeeId)) payeeRank.set(l.payeeId, payeeRank.size);
  const at = new Map(lines.map((l, i) => [l, i]));
  return [...lines].sort((a, b) => payeeRank.get(a.payeeId)! - payeeRank.get(b.payeeId)!
    || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)
    || Number(a.adjustment) - Number(b.adjustment)
    || at.get(a)! - at.get(b)!);
}

/** A policy text that posted runs of the statement: its name and the zh-CN titles of its rules label the statements. */
export interface PostedPolicy { source: SourceText; name: string }

/**
 * Of `sources`, the policy text of the latest run that one of them posted (matched by the hash of
 * the file, `RunRecord.sourceHash`); undefined when none did. A text that is not a valid policy of
 * this id is a located error.
 */
export function postedPolicy(policyId: string, runs: RunRecord[], sources: SourceText[]): PostedPolicy | undefined {
  const loaded = sources.map((source) => {
    const result = loadPolicy(source);
    if (!result.ok) throw new RatecardError(result.diagnostics);
    if (result.policy.id !== policyId) throw new RatecardError([errorAt({ file: source.file, line: 1, column: 1 }, 'id', `the policy is \`${result.policy.id}\`, not \`${policyId}\``, 'policy-mismatch')]);
    return result.policy;
  });
  for (const run of [...runs].reverse()) {
    const match = loaded.find((p) => p.sourceHash === run.sourceHash);
    if (match) return { source: match.source, name: match.name };
  }
  return undefined;
}

/** The payee statements' input: the policy's id and the version of its latest run (each month names the versions that paid it). */
export function storeStatementInput(policyId: string, statement: StoreStatement, payees: PayeeRecord[] = [], lang?: StatementLanguage, policy?: PostedPolicy): PayeeStatementInput {
  return {
    policy: { id: policyId, version: statement.runs.at(-1)?.policyVersion ?? '', ...(policy ? { name: policy.name, source: policy.source } : {}) },
    payees, lines: statement.lines, ...(lang ? { lang } : {}),
  };
}
