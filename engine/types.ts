// Public types of the Ratecard engine: what goes in (sources, datasets), what comes out
// (diagnostics, statements, traces). Amounts and rates cross this boundary as exact decimal
// strings ("-905.38", "0.0125"), never as binary floats.

/** A month, `YYYY-MM`. */
export type Period = string;

export type LineKind = 'commission' | 'deduction' | 'refund' | 'bonus';
export const LINE_KINDS: readonly LineKind[] = ['commission', 'deduction', 'refund', 'bonus'];

/** A text file handed to the engine; the engine never touches a file system. */
export interface SourceText {
  /** Shown in every message about this source, e.g. `policies/rural-contract.yaml`. */
  file: string;
  text: string;
}

/** Where something is in a source: 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A parameter of a message: text, a number, a list, or another message rendered in the same language. */
export type MessageParam = string | number | boolean | undefined | MessageData | readonly (string | MessageData)[];

/** A message as data: a code of the engine's message catalog and its named parameters (`engine/messages`). */
export interface MessageData {
  code: string;
  params?: { readonly [name: string]: MessageParam };
}

/** One problem found in a policy, a parameter file or a dataset. */
export interface Diagnostic extends SourceLocation {
  severity: 'error' | 'warning';
  /** Dotted path of the field, e.g. `params.step_rate` or `rules[3].amount`; for data, the column. */
  field: string;
  /** Lowercase, user input in backticks, no stack trace. */
  message: string;
  /** Stable machine code, e.g. `schema`, `unknown-reference`, `cycle`, `csv-not-a-number`. */
  code: string;
  /** The message as a catalog code with parameters, to render in another language (`renderDiagnostic`). */
  msg?: MessageData;
}

/** `file:line:column field: message`, the one format every shell prints. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.field ? d.field + ': ' : ''}${d.message}`;
}

export type ParamType =
  | 'rate' | 'ratio' | 'money' | 'count' | 'integer' | 'number'
  | 'map' | 'list' | 'tiers' | 'schedule';

/** A parameter as the editor renders it in a form. Decimal values are strings. */
export interface ParamInfo {
  name: string;
  type: ParamType;
  /** Element type of a map or list. */
  of?: 'rate' | 'ratio' | 'money' | 'count' | 'integer' | 'number';
  /** Column types of a tier list, in display order. */
  columns?: Record<string, 'rate' | 'ratio' | 'money' | 'count' | 'integer' | 'number'>;
  unit?: string;
  description?: string;
  /** JSON value with decimals as strings: "0.02", {"mobile":"0.025"}, [{"min":"1.2","award":"3500"}]. */
  value: ParamValue;
  location: SourceLocation;
}
export type ParamValue = string | ParamValue[] | { [key: string]: ParamValue };

export interface PayeeRecord {
  payeeId: string;
  name?: string;
  channelType: string;
  /** Every other column of payees.csv, as text. */
  attributes: Record<string, string>;
  location: SourceLocation;
}

/** One transaction row (e.g. a private line sold): fields are exact decimal strings or text. */
export interface TransactionRecord {
  id: string;
  payeeId: string;
  period: Period;
  fields: Record<string, string>;
  location: SourceLocation;
}

/** Raw tables of a dataset: a CSV text, or rows already split (e.g. read from .xlsx). */
export type TableSource =
  | SourceText
  /**
   * Rows already split (e.g. from .xlsx), header first; `lines` keeps each row's line in the
   * original file and `columns` each cell's column (default: its position, as a spreadsheet counts).
   */
  | { file: string; rows: string[][]; lines?: number[]; columns?: number[][] };

export interface DatasetInput {
  payees: TableSource;
  facts: TableSource;
  transactions?: TableSource;
}

export interface ConditionTrace {
  /** Where the condition sits, e.g. `gate.any[1]`. */
  path: string;
  name?: string;
  /** `all` / `any` / `not` for groups; otherwise the operator. */
  operator: string;
  fact?: string;
  /** The value the fact had (exact decimal text, `true`, ...); absent when never evaluated. */
  factValue?: string;
  /** The value compared against, resolved (a param's value when `value: {fact: ...}`). */
  value?: string;
  result: boolean;
  /** Text like `fee_ratio 0.9612 ≥ fee_gate 0.98 → false`. */
  text: string;
  /** `text` as a message, to render in another language. */
  msg?: MessageData;
  children?: ConditionTrace[];
}

export interface FormulaTrace {
  /** As written in the policy. */
  expression: string;
  /** With every name replaced by its value. */
  substituted: string;
  /** Exact value before rounding (decimal text, `…` when it does not terminate). */
  exact: string;
  rounded: string;
  rounding: string;
  /** The worded parts as messages, when they have words (tiers, refunds, shares, parts), to render in another language. */
  msg?: { expression?: MessageData; substituted?: MessageData; rounding?: MessageData };
}

/** One item of a per-transaction rule (paid or flagged). */
export interface ItemTrace {
  id: string;
  paid: boolean;
  amount: string;
  reason?: string;
  conditions: ConditionTrace[];
  formula?: FormulaTrace;
}

/** A deduction line a refund returns a share of. */
export interface RefundSource {
  lineId: string;
  period: Period;
  amount: string;
}

export interface RefundComponent {
  source: string; // e.g. `2025-Q1`
  share: string;
  deducted: string;
  amount: string;
  returns: RefundSource[];
}

export interface LineTrace {
  rule: string;
  description?: string;
  location: SourceLocation;
  /** Every fact, param, metric and earlier line the rule read, with its value. */
  values: Record<string, string>;
  conditions: ConditionTrace[];
  formula?: FormulaTrace;
  items?: ItemTrace[];
  refunds?: RefundComponent[];
  /** For instalments and clawbacks: each transaction's part, with its number and amount. */
  parts?: { transaction: string; part: number; parts: number; amount: string }[];
  /** For an allocated share: the group's total, the sum of the weights and the payee's weight. */
  allocation?: { total: string; weights: string; weight: string };
  /** For tier lookups: the tier reached. */
  tier?: { value: string; reached?: Record<string, string> };
  /** For prior-period adjustments: the line corrected. */
  adjusts?: { lineId: string; period: Period; before: string; after: string };
}

/** What every statement item names: the payee, month and rule it is about. */
export interface LineRef {
  /** `policy/payee/period/line`, unique in a statement. */
  id: string;
  period: Period;
  payeeId: string;
  policy: string;
  line: string;
  kind: LineKind;
  trace: LineTrace;
}

export interface StatementLine extends LineRef {
  /** Rounded, signed (deductions negative), e.g. "-905.38". */
  amount: string;
  /** One readable sentence: the formula with numbers and the conditions that held. */
  explanation: string;
  /** The policy version that paid the line, when a range is settled under several versions. */
  version?: string;
}

/** A line the policy would have paid but a gate, veto or floor withheld; it pays nothing. */
export interface WithheldItem extends LineRef {
  reason: string;
  /** `reason` as a message, to render in another language. */
  reasonMessage?: MessageData;
  /** What the line would have paid, when it can be computed. */
  wouldPay?: string;
}

/**
 * A rule that made no line for a payee and month, and why: it did not apply (its `when` did not
 * hold) or it came to 0 (a cap reached, nothing to pay). Only when settling with `unpaid: true`.
 */
export interface UnpaidItem extends LineRef {
  status: 'not-applicable' | 'zero';
  reason: string;
  /** `reason` as a message, to render in another language. */
  reasonMessage?: MessageData;
}

export interface Totals {
  total: string;
  byKind: Record<LineKind, string>;
}

export interface Statement {
  policy: { id: string; version: string; hash: string };
  from: Period;
  to: Period;
  lines: StatementLine[];
  withheld: WithheldItem[];
  /** Rules that made no line, and why (only with `unpaid: true`, for explanations). */
  unpaid?: UnpaidItem[];
  totals: Totals;
}

/**
 * A statement's lines as typed columns (`settleColumns`): line `i` is rule `rules[rule[i]]` of
 * payee `payeeIds[payee[i]]` in month `month[i]` (year × 12 + month − 1), paying `units[i]` /
 * 10^`scale` (signed). Lines come in the statement's order; no line object, id or amount text is
 * made until `lineOf` reads one; withheld items are columns too, made as items by `withheldOf`.
 * Every column is a typed array (their buffers can be transferred to another thread).
 */
export interface StatementColumns {
  policy: { id: string; version: string; hash: string };
  from: Period;
  to: Period;
  /** The covered payees in payees.csv order. */
  payeeIds: string[];
  /** The policy's rules in policy order. */
  rules: { id: string; kind: LineKind }[];
  /** Places of `units`: the policy's rounding scale. */
  scale: number;
  length: number;
  payee: Int32Array;
  month: Int32Array;
  rule: Uint16Array;
  /** Signed amount in units of 10^-scale; NaN where that is not a safe integer (the text is in `wide`). */
  units: Float64Array;
  /** Amount text by line index of the lines whose `units` is NaN. */
  wide: Map<number, string>;
  /** The withheld items, as columns: each made as a `WithheldItem` only when asked (`withheldOf`). */
  withheld: WithheldColumns;
  totals: Totals;
}

/**
 * A run's withheld items as typed columns (`settleColumns`): item `i` is rule `rules[rule[i]]`'s
 * line withheld from payee `payeeIds[payee[i]]` in month `month[i]` (year × 12 + month − 1), in
 * the order `settle` lists them; `transaction[i]` is the index, in the payee's transactions of
 * that month, of a transaction the rule's `where` left out, or -1 when a gate or veto withheld
 * the whole line.
 */
export interface WithheldColumns {
  length: number;
  payee: Int32Array;
  month: Int32Array;
  rule: Uint16Array;
  transaction: Int32Array;
}

/** A line already posted (e.g. read from the settlement store) that the engine must not recompute. */
export interface LedgerLine {
  id: string;
  period: Period;
  payeeId: string;
  line: string;
  kind: LineKind;
  amount: string;
  /** For refunds: the source quarters it returned, e.g. [`2025-Q1`]. */
  returnsSources?: string[];
}

/**
 * Population values by payee id → month (YYYY-MM) → name: ranks (numbers), aggregates (exact
 * fractions `n/d`) and allocated shares (decimal text, by rule id).
 */
export type PopulationRecord = Record<string, Record<string, Record<string, number | string>>>;

export interface SettleOptions {
  from?: Period;
  to?: Period;
  /**
   * Lines already posted for periods before `from`. When given, the engine reads earlier
   * deductions and refunds from here instead of recomputing them, so refunds return what was
   * actually deducted.
   */
  history?: LedgerLine[];
  /**
   * Population values computed elsewhere (a parallel run computes them over all payees once,
   * then settles the payees in parts): see `populationOf` and `populationKeys`.
   */
  ranks?: PopulationRecord;
  /**
   * How much each line carries: `trace` (default: full trace and explanation), `explanation`
   * (the sentence only, for CSV; traces are dropped to save memory), `amounts` (neither).
   * In `explanation` detail a line computed by generated code writes its sentence each time it
   * is read (an accessor, and in `toJSON`): a spread or a structured clone (postMessage) drops
   * it — copy such a line with `plainLine`, or serialise it (JSON) in the thread that settled it.
   */
  detail?: 'trace' | 'explanation' | 'amounts';
  /**
   * The language of explanations in `explanation` detail: English (the default), or 简体中文 with
   * values in their units — the sentences `localizeStatement` renders from traces, written
   * without them. Withheld reasons are rendered in a language by `localizeStatement`.
   */
  lang?: 'en' | 'zh-CN';
  /**
   * The most rule evaluations the run may take (payee-months × rules, plus transactions × the
   * rules that pay on them): a larger run is refused before any work, with a located message.
   * With the limits on numbers and expressions, this bounds the work of one run or request.
   */
  budget?: number;
  /** Also list the rules that made no line (did not apply, or came to 0) with their traces, to explain them. */
  unpaid?: boolean;
  /** Called now and then with the number of payees done. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Internal: how rules are evaluated. `integer` (the default) runs the code generated for each
   * rule over safe integers, with the closures for what it does not cover; `reference` runs the
   * closures only. Statements are identical: tests compare the two.
   */
  engine?: 'integer' | 'reference';
  /**
   * Make each withheld item's reason when it is first read (issue 13.3): the default in
   * `amounts` and `explanation` detail (`false` makes them at once); never in `trace` detail,
   * whose items carry their whole trace. The reason is then
   * an accessor (and in `toJSON`): such a statement sent to another thread by structured clone
   * (postMessage) must be serialised first (JSON), or settled with `lazyReasons: false`.
   */
  lazyReasons?: boolean;
}
