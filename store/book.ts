// A settlement book over a backend: every operation is one of the book's steps (book-steps.ts),
// driven now by a synchronous backend or later by an asynchronous one.
import type { Period } from '../engine/index.js';
import type { Answer, Backend, BookSteps } from './backend.js';
import { closeBook, closedPeriodsBook, runBook, statementBook } from './book-steps.js';
import { type ApprovedRunRequest, runApprovedBook } from './policies/run-approved.js';
import { PolicyRegistry } from './policies/registry.js';
import { postedToCsv } from './statement-csv.js';
import type { BookOptions, PostedLine, RunRecord, RunRequest, RunResult, SchemaVersion, SealedClose, StatementQuery, VerifyResult } from './types.js';
import { verifySteps } from './verify.js';

function* statementCsvBook(query: StatementQuery): BookSteps<string> {
  return postedToCsv(yield* statementBook(query));
}

export class Book<Later extends boolean> {
  protected constructor(
    protected readonly backend: Backend<Later>,
    private readonly exec: <T>(steps: BookSteps<T>) => Answer<T, Later>,
    private readonly options: BookOptions = {},
  ) {}

  /** The store's name in messages: never an absolute server path, never a password. */
  get where(): string {
    return this.backend.name;
  }

  /** Settles the request, then posts its lines (and adjustments) in one transaction under the policy's lock. */
  run(request: RunRequest): Answer<RunResult, Later> {
    return this.exec(runBook(request, this.options, this.where));
  }

  /** Posts a range with the registry's approved versions: each month under the version in force then, one run per version. */
  runApproved(request: ApprovedRunRequest): Answer<RunResult[], Later> {
    return this.exec(runApprovedBook(request, this.options, this.where));
  }

  /** The policy registry kept in the same store: versions, approvals and their transitions. */
  get policies(): PolicyRegistry<Later> {
    return new PolicyRegistry(this.exec, this.where, this.options.now ?? (() => new Date().toISOString()));
  }

  /** Closes a settled period and seals it: its lines can no longer change; periods close in order. */
  close(policyId: string, period: Period, closedBy: string): Answer<SealedClose, Later> {
    const closedAt = (this.options.now ?? (() => new Date().toISOString()))();
    return this.exec(closeBook({ policyId, period, closedBy, closedAt }, this.where));
  }

  closedPeriods(policyId: string): Answer<Period[], Later> {
    return this.exec(closedPeriodsBook(policyId));
  }

  listRuns(filter?: { policyId?: string }): Answer<RunRecord[], Later> {
    return this.backend.listRuns(filter);
  }

  getRun(id: string): Answer<RunRecord | undefined, Later> {
    return this.backend.getRun(id);
  }

  /** Posted lines with their traces, in statement order (payee, period, lines, then adjustments). */
  statement(query: StatementQuery): Answer<PostedLine[], Later> {
    return this.exec(statementBook(query));
  }

  /** The statement as CSV (the columns of `ratecard settle`), byte for byte reproducible. */
  statementCsv(query: StatementQuery): Answer<string, Later> {
    return this.exec(statementCsvBook(query));
  }

  /** Recomputes the seals of closed periods (of one policy, or all) and names the first that no longer matches. */
  verify(policyId?: string): Answer<VerifyResult, Later> {
    return this.exec(verifySteps(this.where, policyId));
  }

  /** Schema versions applied to the store, in order. */
  schemaVersions(): Answer<SchemaVersion[], Later> {
    return this.backend.schemaVersions();
  }

  shutdown(): Answer<void, Later> {
    return this.backend.shutdown();
  }
}
