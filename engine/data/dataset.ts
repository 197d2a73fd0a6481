// Reads a dataset (payees, monthly facts, transactions) for one policy: every cell is checked
// against the type the policy declares and turned into an exact number once, here, so the
// evaluator never parses text. Every problem names file, line, column and field.
import { errorAt } from '../errors.js';
import { Exact } from '../exact/exact.js';
import type { FieldType, ScalarType } from '../policy/policy-document.js';
import type { Diagnostic, MessageData, PayeeRecord, TableSource } from '../types.js';
import type { DatasetInput } from '../types.js';
import { KNOWN_CHANNEL_TYPES } from './channel-types.js';
import { type CsvRecord, parseCsv } from './csv.js';
import { monthIndex } from './period.js';
import { checkScalarMessage } from './scalar.js';
import { msg } from '../messages/msg.js';
import { render } from '../messages/render.js';

/** What a dataset must provide for a policy (from CompiledPolicy.layout). */
export interface FieldLayout { name: string; type: FieldType; optional?: boolean }

export interface DataLayout {
  facts: FieldLayout[];
  transactions?: { id: string; fields: FieldLayout[] };
  channelTypes: string[];
  attributes?: Record<string, string[]>;
  /** Payee attributes the policy reads (payees.csv columns), typed. */
  payeeFields?: FieldLayout[];
}

/** A cell made typed: an exact number (a month is its month index), text, or absent (an optional empty cell). */
export type FieldValue = Exact | string | undefined;

export interface FactRow { values: FieldValue[]; line: number }
export interface TransactionRow { id: string; period: number; values: FieldValue[]; line: number }

export interface Dataset {
  files: { payees: string; facts: string; transactions?: string };
  /** Every payee in payees.csv, in file order. */
  payees: PayeeRecord[];
  /** The payees the policy applies to, in file order. */
  covered: PayeeRecord[];
  /** payee id → month index → the payee's facts that month, in layout order. */
  facts: Map<string, Map<number, FactRow>>;
  /** payee id → month index → transactions, in file order. */
  transactions: Map<string, Map<number, TransactionRow[]>>;
  /** payee id → the payee's attributes the policy reads, in layout order. */
  payeeValues: Map<string, FieldValue[]>;
  /** First and last month index with facts for a covered payee. */
  months?: { first: number; last: number };
}

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; diagnostics: Diagnostic[] };

interface Table { file: string; header: CsvRecord; rows: CsvRecord[] }

function readTable(source: TableSource, errors: Diagnostic[]): Table | undefined {
  const records = 'text' in source
    ? parseCsv(source.text, { file: source.file })
    : source.rows.map((cells, i) => ({ line: source.lines?.[i] ?? i + 1, cells: cells.map((c) => String(c ?? '')), columns: source.columns?.[i] }));
  const header = records.shift();
  if (!header) {
    errors.push(errorAt({ file: source.file, line: 1, column: 1 }, '', msg('data.empty-file'), 'csv-empty'));
    return undefined;
  }
  header.cells = header.cells.map((h) => h.trim());
  return { file: source.file, header, rows: records };
}

/** Column index by name; reports every missing column at once. */
function columns(table: Table, needed: string[], why: 'payee' | 'read' | 'required', errors: Diagnostic[]): Map<string, number> | undefined {
  const index = new Map(table.header.cells.map((h, i) => [h, i]));
  const missing = needed.filter((n) => !index.has(n));
  for (const name of missing) {
    errors.push(errorAt({ file: table.file, line: table.header.line, column: 1 }, name,
      msg('data.missing-column', { name, why, header: table.header.cells }), 'csv-missing-column'));
  }
  return missing.length ? undefined : index;
}

/** Where cell `i` of `row` starts; a row without recorded columns (spreadsheet rows) counts cells. */
const columnOf = (row: CsvRecord, i: number) => row.columns?.[Math.min(i, row.columns.length - 1)] ?? i + 1;

function cell(table: Table, row: CsvRecord, index: number) {
  return (row.cells[index] ?? '').trim();
}

function readPeriod(table: Table, row: CsvRecord, index: number, errors: Diagnostic[]): number | undefined {
  const text = cell(table, row, index);
  const m = monthIndex(text);
  if (m === undefined) {
    errors.push(errorAt({ file: table.file, line: row.line, column: columnOf(row, index) }, 'period',
      msg('data.bad-period', { text }), 'csv-bad-period'));
  }
  return m;
}

/** A typed cell: the value, or the message saying why the text does not fit. */
function checkField(text: string, f: FieldLayout): FieldValue | { message: MessageData } {
  if (text === '' && f.optional) return undefined;
  if (f.type === 'text') return text === '' ? { message: msg('data.empty-text') } : text;
  if (f.type === 'month') {
    const m = monthIndex(text);
    return m === undefined ? { message: msg('data.bad-period', { text }) } : Exact.of(m);
  }
  const checked = checkScalarMessage(text, f.type as ScalarType);
  return checked instanceof Exact ? checked : { message: checked };
}

function readValues(table: Table, row: CsvRecord, fields: FieldLayout[], index: Map<string, number>, errors: Diagnostic[]) {
  const values: FieldValue[] = [];
  let ok = true;
  for (const f of fields) {
    const i = index.get(f.name)!;
    const checked = checkField(cell(table, row, i), f);
    if (checked !== undefined && !(checked instanceof Exact) && typeof checked !== 'string') {
      ok = false;
      errors.push(errorAt({ file: table.file, line: row.line, column: columnOf(row, i) }, f.name, checked.message, 'csv-bad-value'));
    } else values.push(checked);
  }
  return ok ? values : undefined;
}

export function readDataset(input: DatasetInput, policy: { layout: DataLayout }): DatasetResult {
  const layout = policy.layout;
  const errors: Diagnostic[] = [];
  const payeeTable = readTable(input.payees, errors);
  const factTable = readTable(input.facts, errors);
  const txTable = layout.transactions
    ? input.transactions ? readTable(input.transactions, errors) : undefined
    : undefined;
  if (layout.transactions && !input.transactions) {
    errors.push(errorAt({ file: input.facts.file, line: 1, column: 1 }, 'transactions',
      msg('data.missing-transactions'), 'missing-transactions'));
  }
  const payees: PayeeRecord[] = [];
  const byId = new Map<string, PayeeRecord>();
  const rejected = new Set<string>(); // payees already reported: their facts are not reported again
  const known = new Set([...KNOWN_CHANNEL_TYPES, ...layout.channelTypes]);
  const payeeFields = layout.payeeFields ?? [];
  const payeeValues = new Map<string, FieldValue[]>();
  if (payeeTable) {
    const idx = columns(payeeTable, ['payee_id', 'channel_type'], 'payee', errors)
      && columns(payeeTable, ['payee_id', 'channel_type', ...payeeFields.map((f) => f.name)], 'read', errors);
    if (idx) {
      for (const row of payeeTable.rows) {
        const payeeId = cell(payeeTable, row, idx.get('payee_id')!);
        const channelType = cell(payeeTable, row, idx.get('channel_type')!);
        const at = { file: payeeTable.file, line: row.line, column: 1 };
        if (!payeeId) { errors.push(errorAt(at, 'payee_id', msg('data.missing-payee-id'), 'csv-missing-value')); continue; }
        const previous = byId.get(payeeId);
        if (previous) {
          errors.push(errorAt(at, 'payee_id', msg('data.duplicate-payee', { id: payeeId, line: previous.location.line }), 'csv-duplicate-row'));
          continue;
        }
        if (!known.has(channelType)) {
          rejected.add(payeeId);
          errors.push(errorAt({ ...at, column: columnOf(row, idx.get('channel_type')!) }, 'channel_type',
            msg('data.unknown-channel-type', { type: channelType, expected: [...known] }), 'csv-unknown-channel-type'));
          continue;
        }
        const values = readValues(payeeTable, row, payeeFields, idx, errors);
        if (!values) { rejected.add(payeeId); continue; }
        payeeValues.set(payeeId, values);
        // no prototype: a `constructor` or `__proto__` column is an ordinary attribute
        const attributes: Record<string, string> = Object.create(null);
        payeeTable.header.cells.forEach((h, i) => { attributes[h] = cell(payeeTable, row, i); });
        const payee: PayeeRecord = { payeeId, name: attributes.name, channelType, attributes, location: at };
        payees.push(payee);
        byId.set(payeeId, payee);
      }
    }
  }
  const applies = (p: PayeeRecord) =>
    layout.channelTypes.includes(p.channelType) &&
    Object.entries(layout.attributes ?? {}).every(([k, allowed]) => allowed.includes(p.attributes[k] ?? ''));
  const covered = payees.filter(applies);
  if (payeeTable && payees.length && !covered.length) {
    errors.push(errorAt({ file: payeeTable.file, line: 1, column: 1 }, 'channel_type',
      msg('data.no-covered-payee', { types: layout.channelTypes }), 'no-covered-payee'));
  }

  const unknown = unknownPayees(errors);
  const facts = new Map<string, Map<number, FactRow>>();
  let months: Dataset['months'];
  if (factTable) {
    const idx = columns(factTable, ['period', 'payee_id', ...layout.facts.map((f) => f.name)], 'required', errors);
    if (idx) {
      for (const row of factTable.rows) {
        const payeeId = cell(factTable, row, idx.get('payee_id')!);
        const month = readPeriod(factTable, row, idx.get('period')!, errors);
        const at = { file: factTable.file, line: row.line, column: 1 };
        const payee = byId.get(payeeId);
        if (!payee) {
          if (payeeTable && !rejected.has(payeeId)) unknown.report(at, payeeId, payeeTable.file);
          continue;
        }
        if (month === undefined) continue;
        let byMonth = facts.get(payeeId);
        if (!byMonth) facts.set(payeeId, (byMonth = new Map()));
        const previous = byMonth.get(month);
        if (previous) {
          errors.push(errorAt(at, 'payee_id', msg('data.duplicate-fact-row', { id: payeeId, period: cell(factTable, row, idx.get('period')!), line: previous.line }), 'csv-duplicate-row'));
          continue;
        }
        if (!applies(payee)) continue;
        const values = readValues(factTable, row, layout.facts, idx, errors);
        if (!values) continue;
        byMonth.set(month, { values, line: row.line });
        months = months ? { first: Math.min(months.first, month), last: Math.max(months.last, month) } : { first: month, last: month };
      }
    }
  }

  const transactions = new Map<string, Map<number, TransactionRow[]>>();
  if (txTable && layout.transactions) {
    const t = layout.transactions;
    const idx = columns(txTable, [t.id, 'payee_id', 'period', ...t.fields.map((f) => f.name)], 'required', errors);
    if (idx) {
      const seen = new Map<string, number>();
      for (const row of txTable.rows) {
        const at = { file: txTable.file, line: row.line, column: 1 };
        const id = cell(txTable, row, idx.get(t.id)!);
        const payeeId = cell(txTable, row, idx.get('payee_id')!);
        if (!id) { errors.push(errorAt(at, t.id, msg('data.missing-id', { column: t.id }), 'csv-missing-value')); continue; }
        if (seen.has(id)) {
          errors.push(errorAt(at, t.id, msg('data.duplicate-transaction', { id, line: seen.get(id)! }), 'csv-duplicate-row'));
          continue;
        }
        seen.set(id, row.line);
        const payee = byId.get(payeeId);
        if (!payee) {
          if (!rejected.has(payeeId)) unknown.report(at, payeeId, payeeTable?.file);
          continue;
        }
        const month = readPeriod(txTable, row, idx.get('period')!, errors);
        const values = readValues(txTable, row, t.fields, idx, errors);
        if (month === undefined || !values || !applies(payee)) continue;
        let byMonth = transactions.get(payeeId);
        if (!byMonth) transactions.set(payeeId, (byMonth = new Map()));
        let list = byMonth.get(month);
        if (!list) byMonth.set(month, (list = []));
        list.push({ id, period: month, values, line: row.line });
      }
    }
  }

  unknown.finish();
  if (errors.length) return { ok: false, diagnostics: errors };
  return {
    ok: true,
    dataset: {
      files: { payees: input.payees.file, facts: input.facts.file, transactions: input.transactions?.file },
      payees, covered, facts, transactions, months, payeeValues,
    },
  };
}

/** Rows of payees not in payees.csv: one message per payee and file, at its first row, with a count of the rest. */
function unknownPayees(errors: Diagnostic[]) {
  const first = new Map<string, { diagnostic: Diagnostic; more: number }>();
  return {
    report(at: { file: string; line: number; column: number }, payeeId: string, payeesFile: string | undefined) {
      const key = `${at.file}\u0000${payeeId}`;
      const seen = first.get(key);
      if (seen) { seen.more++; return; }
      const diagnostic = errorAt(at, 'payee_id', msg('data.unknown-payee', { id: payeeId, file: payeesFile }), 'csv-unknown-payee');
      first.set(key, { diagnostic, more: 0 });
      errors.push(diagnostic);
    },
    finish() {
      for (const { diagnostic, more } of first.values()) {
        if (more) {
          diagnostic.msg = msg('data.unknown-payee', { ...(diagnostic.msg!.params as { id: string; file?: string }), more });
          diagnostic.message = render(diagnostic.msg);
        }
      }
    },
  };
}
