// Payee statements (对账单) as an Excel workbook: a summary sheet (汇总) with one row per payee and
// month, then the statements one after another (对账单), each with the payee, its attributes, the
// policy version, every line with its explanation and the totals by kind. A sheet holds at most
// `maxRows` rows (Excel: 1,048,576); more continue on 对账单 2, 3… and never split a statement.
// An amount is a number cell only when the number reads back as exactly the amount (up to 15
// significant digits, so always for money); otherwise it is text, never a rounded float.
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import { Exact, LINE_KINDS } from '../../engine/index.js';
import { KIND_ZH, lineCaption, type PayeeStatement } from './payee-statement.js';

export const EXCEL_MAX_ROWS = 1_048_576;

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const text = (value: string | undefined): Cell => (value ? { value, type: String } : null);

/** A money cell: a number shown with two decimals when that is exact, else the amount as text. */
export function moneyCell(amount: string, style: { fontWeight?: 'bold' } = {}): Cell {
  const n = Number(amount);
  return Number.isFinite(n) && Exact.parse(String(n)).eq(Exact.parse(amount))
    ? { value: n, type: Number, format: '#,##0.00', ...style }
    : { value: amount, type: String, align: 'right', ...style };
}

function statementRows(s: PayeeStatement): Row[] {
  const rows: Row[] = [
    [{ value: `渠道酬金对账单 ${s.payee.id} ${s.period}`, fontWeight: 'bold', fontSize: 14 }],
    [bold('收款方'), text(s.payee.id), text(s.payee.name)],
    [bold('渠道类型'), text(s.payee.channelType)],
    ...Object.entries(s.payee.attributes).map(([k, v]): Row => [bold(k), text(v)]),
    [bold('账期'), text(s.period)],
    [bold('政策'), text(s.policy.id), text(`${s.policy.name ?? ''} 第 ${s.policy.version} 版`.trim())],
    [bold('项目'), bold('说明'), bold('类型'), bold('金额（元）'), bold('计算说明')],
    ...s.lines.map((l): Row => [text(lineCaption(s, l)), text(l.description), text(KIND_ZH[l.kind]), moneyCell(l.amount), { value: l.explanation, type: String, wrap: true }]),
    ...s.withheld.map((w): Row => [text(w.line), text('未发放'), text(KIND_ZH[w.kind]), moneyCell('0'), { value: w.reason + (w.wouldPay ? `（应发 ${w.wouldPay}）` : ''), type: String, wrap: true }]),
    ...LINE_KINDS.filter((k) => !Exact.parse(s.totals.byKind[k]).isZero()).map((k): Row => [null, bold(`${KIND_ZH[k]}合计`), null, moneyCell(s.totals.byKind[k])]),
    [null, bold('应付合计'), null, moneyCell(s.totals.total, { fontWeight: 'bold' })],
    [],
  ];
  return rows;
}

function summaryRows(list: PayeeStatement[]): Row[] {
  return [
    ['收款方', '名称', '账期', ...LINE_KINDS.map((k) => KIND_ZH[k]), '应付合计'].map(bold),
    ...list.map((s): Row => [text(s.payee.id), text(s.payee.name), text(s.period), ...LINE_KINDS.map((k) => moneyCell(s.totals.byKind[k])), moneyCell(s.totals.total)]),
  ];
}

/** Blocks of rows onto sheets of at most `maxRows` rows; a block never splits unless it alone is too long. */
function paginate(blocks: Row[][], maxRows: number, head: Row[] = []): Row[][] {
  const sheets: Row[][] = [];
  let current: Row[] = [...head];
  for (const block of blocks) {
    if (current.length > head.length && current.length + block.length > maxRows) { sheets.push(current); current = [...head]; }
    for (const row of block) {
      if (current.length >= maxRows) { sheets.push(current); current = [...head]; }
      current.push(row);
    }
  }
  sheets.push(current);
  return sheets;
}

const named = (name: string, pages: Row[][], columns: { width: number }[]): Sheet<Blob>[] =>
  pages.map((data, i) => ({ data, sheet: i ? `${name} ${i + 1}` : name, columns }));

/** The workbook's bytes. */
export async function payeeStatementsXlsx(list: PayeeStatement[], options: { maxRows?: number } = {}): Promise<Uint8Array> {
  const maxRows = Math.min(options.maxRows ?? EXCEL_MAX_ROWS, EXCEL_MAX_ROWS);
  const [head, ...rows] = summaryRows(list);
  const sheets = [
    ...named('汇总', paginate(rows.map((r) => [r]), maxRows, [head]), [{ width: 12 }, { width: 24 }, { width: 10 }, ...LINE_KINDS.map(() => ({ width: 14 })), { width: 14 }]),
    ...named('对账单', paginate(list.map(statementRows), maxRows), [{ width: 18 }, { width: 28 }, { width: 8 }, { width: 14 }, { width: 90 }]),
  ];
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
