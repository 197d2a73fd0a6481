// What the engine routes compute, as plain functions from a request body to its answer: run in a
// worker thread (server/pool/), never on the server's event loop. Each answers the JSON text of
// its answer (serialised in the worker too) or throws a located RatecardError or RequestError.
import {
  type DatasetInput, diffPolicies, explainLine, loadPolicy, plainLine, readDataset, settle, type SourceText, totalsOf,
} from '../../engine/index.js';
import { checkPolicy } from '../../editor/server/policy-check.js';
import { RequestError, requestDiagnostic } from '../errors.js';
import { compilePolicy, loadRequest, type PolicyInput, policySource, type PolicyWithData } from '../inputs.js';
import { settleInStore } from './settle-task.js';

export interface ValidateBody { policy: PolicyInput; overrides?: SourceText; dataset?: DatasetInput }
export interface SimulateBody extends PolicyWithData { payee?: string; detail?: 'trace' | 'explanation' | 'amounts' }
export interface ExplainBody extends PolicyWithData { payee: string; period: string; line?: string }
interface Version { policy: PolicyInput; overrides?: SourceText }
export interface DiffBody { before: Version; after: Version; dataset: DatasetInput; from?: string; to?: string; top?: number }
export interface CheckBody { file: string; text: string }

/** Every problem of a policy (with overrides, and a dataset when given); problems are a valid answer. */
function validate(body: ValidateBody, policiesDir: string) {
  const { policy, overrides, dataset } = body;
  const loaded = loadPolicy(policySource(policy, policiesDir), { overrides });
  if (!loaded.ok) return { valid: false, diagnostics: loaded.diagnostics };
  const read = dataset ? readDataset(dataset, loaded.policy) : undefined;
  const diagnostics = [...loaded.warnings, ...(read && !read.ok ? read.diagnostics : [])];
  const p = loaded.policy;
  return {
    valid: diagnostics.every((d) => d.severity !== 'error'),
    diagnostics,
    policy: { id: p.id, name: p.name, version: p.version, hash: p.hash, params: p.params, facts: p.facts, rules: p.rules },
  };
}

/**
 * The most rule evaluations one request may take (see SettleOptions.budget): with the limits on
 * numbers and expressions it bounds a request's work; RATECARD_REQUEST_BUDGET raises it.
 */
export const REQUEST_BUDGET = Number(process.env.RATECARD_REQUEST_BUDGET) || 100_000_000;

/** Payees settled so far, of how many. */
export type Progress = (done: number, total: number) => void;

/** The statement settled without posting, optionally of one payee; without detail, lines carry no trace. */
function simulate(body: SimulateBody, policiesDir: string, onProgress?: Progress) {
  const { from, to, payee, detail } = body;
  const { policy, dataset } = loadRequest(body, policiesDir);
  const statement = settle(policy, dataset, { from, to, detail, onProgress, budget: REQUEST_BUDGET });
  const mine = payee === undefined ? statement : {
    ...statement,
    lines: statement.lines.filter((l) => l.payeeId === payee),
    withheld: statement.withheld.filter((w) => w.payeeId === payee),
  };
  // Lines settled without detail carry only a skeleton trace: leave it out of the answer.
  const lines = detail === undefined || detail === 'trace' ? mine.lines : mine.lines.map((l) => {
    // copied by its fields: a spread of a line explained when read would drop its explanation
    const { trace: _trace, ...line } = plainLine(l);
    return line;
  });
  return { ...mine, lines, totals: payee === undefined ? statement.totals : totalsOf(lines) };
}

/** The lines and withheld items of one payee and month (optionally one rule) with their traces and text. */
function explain(body: ExplainBody, policiesDir: string) {
  const { payee, period, line } = body;
  const { policy, dataset } = loadRequest(body, policiesDir);
  // `unpaid`: the rules that made no line too, not applicable (their `when` failed) or come to 0
  const statement = settle(policy, dataset, { from: period, to: period, unpaid: true, budget: REQUEST_BUDGET });
  const pick = <T extends { payeeId: string; line: string }>(list: T[]) => list.filter((l) => l.payeeId === payee && (!line || l.line === line));
  const items = [
    ...pick(statement.lines).map((l) => ({ status: 'paid' as const, item: l, text: explainLine(l) })),
    ...pick(statement.withheld).map((w) => ({ status: 'withheld' as const, item: w, text: explainLine(w) })),
    ...pick(statement.unpaid ?? []).map((u) => ({ status: u.status, item: u, text: explainLine(u) })),
  ];
  if (!items.length) {
    const known = dataset.covered.some((p) => p.payeeId === payee);
    throw new RequestError(404, 'no such line', [requestDiagnostic('body', known ? (line ? 'line' : 'period') : 'payee', known
      ? `payee \`${payee}\` has no ${line ? `line \`${line}\`` : 'lines'} in ${period}`
      : `unknown payee \`${payee}\`: not in ${dataset.files.payees} or not covered by policy \`${policy.id}\``, 'not-found')]);
  }
  return { payee, period, items };
}

/** Two policy versions over one dataset: totals, by kind, payee and line. */
function diff(body: DiffBody, policiesDir: string) {
  const { before, after, dataset, from, to, top } = body;
  const [b, a] = ([['before', before], ['after', after]] as const).map(([field, version]) =>
    compilePolicy(policySource(version.policy, policiesDir, `${field}.policy`), version.overrides));
  return {
    before: { id: b.id, version: b.version, hash: b.hash },
    after: { id: a.id, version: a.version, hash: a.hash },
    ...diffPolicies(b, a, dataset, { from, to, top, budget: REQUEST_BUDGET }),
  };
}

/** The editor's check of a policy text as a file of its folder. */
function check(body: CheckBody) {
  const result = checkPolicy(body.file, body.text);
  return { ok: result.ok, diagnostics: result.diagnostics };
}

export const engineTasks = {
  validate, simulate, explain, diff, settle: settleInStore,
  check: (body: CheckBody, _policiesDir: string) => check(body),
};

export type EngineTask = keyof typeof engineTasks;
export type TaskBody<T extends EngineTask> = Parameters<(typeof engineTasks)[T]>[0];
