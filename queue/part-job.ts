// One part of a run as a queued job, and what a worker does with it: the part's payees settled
// with the population values of the whole run (computed before it was split) and the posted history
// of its payees, exactly as the run settled in one process would settle them.
import {
  type Diagnostic, type DatasetInput, type LedgerLine, loadPolicy, type PopulationRecord, RatecardError, readDataset, settle,
  type SourceText, type Statement,
} from '../engine/index.js';
import { pack, unpack } from './packed.js';

/** What a part needs, packed (packed.ts) into the job's `part`. */
export interface PartInput {
  policy: SourceText;
  overrides?: SourceText;
  dataset: DatasetInput;
  from: string;
  to: string;
  history?: LedgerLine[];
  ranks?: PopulationRecord;
}

/** A job of the part queue: which run, which part of how many, and the part itself. */
export interface PartJobData { run: string; index: number; parts: number; part: string }

/** A part's answer: its statement (packed), or the located problems that stopped it. */
export type PartOutput = { statement: string } | { diagnostics: Diagnostic[] };

export type PartStatement = Pick<Statement, 'lines' | 'withheld' | 'totals'>;

export const packPart = (input: PartInput): string => pack(input);
export const statementOf = (output: { statement: string }): PartStatement => unpack<PartStatement>(output.statement);

/** Compiled policies of this process, by their texts: a worker takes many parts of one run. */
const compiled = new Map<string, ReturnType<typeof loadPolicy>>();

function policyOf(input: PartInput) {
  const key = JSON.stringify([input.policy, input.overrides ?? null]);
  let loaded = compiled.get(key);
  if (!loaded) {
    if (compiled.size >= 4) compiled.clear();
    compiled.set(key, loaded = loadPolicy(input.policy, { overrides: input.overrides }));
  }
  if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
  return loaded.policy;
}

/** Settles one part; a located problem of its data is an answer, not a failure to retry. */
export function settlePartJob(data: PartJobData): PartOutput {
  try {
    const input = unpack<PartInput>(data.part);
    const policy = policyOf(input);
    const read = readDataset(input.dataset, policy);
    if (!read.ok) throw new RatecardError(read.diagnostics);
    const { lines, withheld, totals } = settle(policy, read.dataset, { from: input.from, to: input.to, history: input.history, ranks: input.ranks, detail: 'trace' });
    return { statement: pack({ lines, withheld, totals }) };
  } catch (e) {
    if (e instanceof RatecardError) return { diagnostics: e.diagnostics };
    throw e;
  }
}
