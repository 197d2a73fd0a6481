// What a database must do to hold a settlement book, in two flavours from one description: the
// asynchronous `SettlementBackend` (SQLite or PostgreSQL) and the synchronous `SyncBackend`
// (SQLite, for the synchronous book). Reads answer now or later; the two writes are each one
// transaction under the policy's lock, and the database itself refuses changes to closed periods.
import type { Period } from '../engine/index.js';
import type { PolicyBackend } from './policies/backend.js';
import type { ClosedPeriod, LedgerRow, LineQuery, RunRecord, SchemaVersion, SealedClose, SealedLine, SealedRun, Stamp, StoredLine } from './types.js';

/** `T` now (`false`), later (`true`), or either (`boolean`). */
export type Answer<T, Later extends boolean> = Later extends true ? Promise<T> : T;

export interface BackendReads<Later extends boolean> {
  stamp(policyId: string): Answer<Stamp, Later>;
  /** Closes of the policy with their seals, in period order. */
  closedPeriods(policyId: string): Answer<SealedClose[], Later>;
  /** Policies with at least one closed period, sorted. */
  closedPolicies(): Answer<string[], Later>;
  getRun(id: string): Answer<RunRecord | undefined, Later>;
  listRuns(filter?: { policyId?: string }): Answer<RunRecord[], Later>;
  /** Posted lines, in statement order: payee, period, regular lines then adjustments, line order. */
  lines(query: LineQuery): Answer<StoredLine[], Later>;
  /** Posted lines from `from` on (every period when absent), without traces, in statement order. */
  ledger(policyId: string, from?: Period): Answer<LedgerRow[], Later>;
  /** Whether any line of the policy is posted for a period from `from` up to, not including, `before`. */
  hasLines(policyId: string, from: Period, before: Period): Answer<boolean, Later>;
  /** Every column of a period's lines, for its seal. */
  sealedLines(policyId: string, period: Period): Answer<SealedLine[], Later>;
  /** Runs of the policy with a sequence number after `after`, up to and including `through`. */
  sealedRuns(policyId: string, after: number, through: number): Answer<SealedRun[], Later>;
}

/** A run to post: `make` gives its record and lines once the run has its id. */
export interface Posting {
  policyId: string;
  /** The stamp the run was settled on; when the policy's stamp differs now, nothing is written. */
  stamp: Stamp;
  make(runId: string): { run: RunRecord; remove: string[]; insert: StoredLine[] };
}

/** A read the book needs: asked of a backend, answered now or later. */
export type Read = (reads: BackendReads<boolean>) => unknown;
/** Book logic written once for both flavours: it yields reads and returns what it decided. */
export type Steps<T> = Generator<Read, T, unknown>;
/** A read or a write of the book. */
export type Op = (backend: Backend<boolean>) => unknown;
/** A book operation, written once for both flavours: it yields reads and writes. */
export type BookSteps<T> = Generator<Op, T, unknown>;

export interface Backend<Later extends boolean> extends BackendReads<Later> {
  /** The store's name in messages (never an absolute server path, never a password). */
  readonly name: string;
  /** The policy registry kept in the same database: versions, approvals, transitions (store/policies). */
  readonly policies: PolicyBackend<Later>;
  /** Posts a run in one transaction under the policy's lock; undefined when the stamp no longer holds. */
  post(posting: Posting): Answer<RunRecord | undefined, Later>;
  /** Closes a period in one transaction under the policy's lock: `steps` check it and seal it with the backend's reads. */
  close(policyId: string, steps: Steps<SealedClose>): Answer<SealedClose, Later>;
  schemaVersions(): Answer<SchemaVersion[], Later>;
  shutdown(): Answer<void, Later>;
}

export type SettlementBackend = Backend<true>;
export type SyncBackend = Backend<false>;

/** Drives `steps` with a backend that answers now. */
export function drive<T, B>(steps: Generator<(backend: B) => unknown, T, unknown>, backend: B): T {
  let next = steps.next();
  while (!next.done) next = steps.next(next.value(backend));
  return next.value;
}

/** Drives `steps` with a backend that answers later. */
export async function driveAsync<T, B>(steps: Generator<(backend: B) => unknown, T, unknown>, backend: B): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await next.value(backend));
  return next.value;
}

/** A write the store refused because it would change a closed period (the database's triggers refuse it too). */
export class ClosedPeriodError extends Error {}

/** The close itself, without its seal. */
export const closeOf = ({ policyId, period, closedBy, closedAt }: ClosedPeriod): ClosedPeriod => ({ policyId, period, closedBy, closedAt });
