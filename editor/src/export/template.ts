// A data template for a policy: the sheets payees, facts and (when the policy pays on them)
// transactions, with the columns the policy reads, headed in the reader's language with the
// column's name in brackets (`收入 (revenue_actual)`, which the upload reads back as the column),
// and one example row. Money columns are formatted ¥ like the exports.
import type { Row, Sheet } from 'write-excel-file/browser';
import { parseDocument } from 'yaml';
import { labelFor, type Labels } from '../form/localized.js';
import type { Translate } from '../i18n/i18n.js';
import { MONEY_FORMAT } from './workbook.js';

interface Field { name: string; type?: string; labels?: Labels; description?: string }
type Doc = { applies_to?: { channel_type?: string[] }; attributes?: Record<string, Field>; facts?: Record<string, Field>; transactions?: { id?: string; fields?: Record<string, Field> } };

const EXAMPLE: Record<string, string> = { money: '1000.00', count: '10', integer: '10', rate: '0.95', ratio: '1.00', number: '1', month: '2025-01' };

const fieldsOf = (section: Record<string, Field> | undefined): Field[] =>
  Object.entries(section ?? {}).map(([name, f]) => ({ ...(f && typeof f === 'object' ? f : {}), name }));

export function templateSheets(policyText: string, language: string, t: Translate): Sheet<Blob>[] {
  const doc = (parseDocument(policyText).toJSON() ?? {}) as Doc;
  const head = (title: string | undefined, column: string) => ({ value: title ? `${title} (${column})` : column, fontWeight: 'bold' as const });
  const titled = (f: Field) => head(labelFor(f.labels, language).title, f.name);
  const example = (f: Field) => {
    const value = EXAMPLE[f.type ?? ''] ?? t('template.text');
    return f.type === 'money' ? { value: Number(value), type: Number, format: MONEY_FORMAT } : value;
  };
  const payee = 'P001', period = '2025-01';
  const key = [head(t('template.payeeId'), 'payee_id')];
  const sheet = (name: string, header: Row, row: Row): Sheet<Blob> => ({ sheet: name, data: [header, row], columns: header.map(() => ({ width: 22 })), stickyRowsCount: 1 });
  const fixed = new Set(['payee_id', 'name', 'channel_type', 'region', 'parent_id']);
  const attributes = fieldsOf(doc.attributes).filter((f) => !fixed.has(f.name)), facts = fieldsOf(doc.facts);
  const sheets = [
    sheet('payees',
      [...key, head(t('export.name'), 'name'), head(t('attribute.channel_type'), 'channel_type'), head(t('attribute.region'), 'region'), head(t('attribute.parent_id'), 'parent_id'), ...attributes.map(titled)],
      [payee, t('template.payeeName'), doc.applies_to?.channel_type?.[0] ?? '', '', '', ...attributes.map(example)]),
    sheet('facts', [head(t('trace.period'), 'period'), ...key, ...facts.map(titled)], [period, payee, ...facts.map(example)]),
  ];
  const tx = doc.transactions;
  if (tx?.id) {
    const fields = fieldsOf(tx.fields);
    sheets.push(sheet('transactions', [head(t('template.transactionId'), tx.id), head(t('trace.period'), 'period'), ...key, ...fields.map(titled)], ['L0001', period, payee, ...fields.map(example)]));
  }
  return sheets;
}
