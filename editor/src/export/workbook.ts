// The preview, its impact and its statement as the sheets of one .xlsx workbook, headed in the
// user's language. Money is written as numbers formatted ¥ with thousands separators: each
// amount is a two-decimal string from the engine, and Number() of such a string prints back as
// the same digits, so the file holds exactly the engine's amount (Excel itself keeps doubles).
import type { Row, Sheet } from 'write-excel-file/browser';
import { LINE_KINDS } from '../../../engine/index.js';
import type { Translate } from '../i18n/i18n.js';
import type { ExportRow, PreviewImpact, PreviewSummary } from '../worker/protocol.js';

export const MONEY_FORMAT = '"¥"#,##0.00';

const money = (amount: string) => ({ value: Number(amount), type: Number, format: MONEY_FORMAT });
const header = (cells: string[]): Row => cells.map((value) => ({ value, fontWeight: 'bold' as const }));
const widths = (...w: number[]) => w.map((width) => ({ width }));

export interface WorkbookInput {
  summary: PreviewSummary;
  impact?: PreviewImpact;
  rows: ExportRow[];
  t: Translate;
}

export function workbookSheets({ summary, impact, rows, t }: WorkbookInput): Sheet<Blob>[] {
  const kinds = LINE_KINDS.map((k) => t(`kind.${k}`));
  const preview: Row[] = [
    header([t('preview.payee'), t('export.name'), ...kinds, t('kind.total')]),
    ...summary.payees.map((p): Row => [p.payeeId, p.name ?? '', ...LINE_KINDS.map((k) => money(p.byKind[k])), money(p.total)]),
    [{ value: t('kind.total'), fontWeight: 'bold' }, '', ...LINE_KINDS.map((k) => money(summary.totals.byKind[k])), money(summary.totals.total)],
  ];
  const sheets: Sheet<Blob>[] = [{ sheet: t('export.sheetPreview'), data: preview, columns: widths(12, 24, ...kinds.map(() => 16), 16), stickyRowsCount: 1 }];
  if (impact) {
    const data: Row[] = [
      header([t('preview.payee'), t('impact.before'), t('impact.after'), t('impact.delta')]),
      ...impact.payees.map((p): Row => [p.payeeId, money(p.before), money(p.after), money(p.delta)]),
      [{ value: t('kind.total'), fontWeight: 'bold' }, money(impact.before.total), money(impact.after.total), money(impact.delta.total)],
    ];
    sheets.push({ sheet: t('export.sheetImpact'), data, columns: widths(12, 16, 16, 16), stickyRowsCount: 1 });
  }
  const statement: Row[] = [
    header([t('trace.period'), t('preview.payee'), t('trace.line'), t('export.kind'), t('trace.amount'), t('export.status'), t('export.explanation')]),
    ...rows.map((r): Row => [r.period, r.payeeId, r.line, t(`kind.${r.kind}`), money(r.amount), t(`export.${r.status}`), r.explanation]),
  ];
  sheets.push({ sheet: t('export.sheetStatement'), data: statement, columns: widths(10, 12, 20, 10, 16, 10, 80), stickyRowsCount: 1 });
  return sheets;
}
