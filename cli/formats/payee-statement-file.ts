// Payee statements (对账单) in a file format by name, for `ratecard settle --format xlsx|html` and
// any command that has lines and payees (e.g. a statement read back from the store).
import { htmlToPdf } from './html-to-pdf.js';
import { payeeStatements, type PayeeStatementInput } from './payee-statement.js';
import { payeeStatementsHtml } from './statement-html.js';
import { payeeStatementsXlsx } from './statement-xlsx.js';

export const PAYEE_STATEMENT_FORMATS = ['xlsx', 'html', 'pdf'] as const;
export type PayeeStatementFormat = (typeof PAYEE_STATEMENT_FORMATS)[number];

export const isPayeeStatementFormat = (f: string): f is PayeeStatementFormat => (PAYEE_STATEMENT_FORMATS as readonly string[]).includes(f);

/** The format an output file's extension names (`.xlsx`, `.html`, `.htm`, `.pdf`), if any. */
export const payeeStatementFormatOf = (path: string | undefined): PayeeStatementFormat | undefined =>
  /\.xlsx$/i.test(path ?? '') ? 'xlsx' : /\.html?$/i.test(path ?? '') ? 'html' : /\.pdf$/i.test(path ?? '') ? 'pdf' : undefined;

/** The statements as bytes (xlsx, pdf) or text (html); a PDF is the HTML printed by Chromium (see html-to-pdf.ts). */
export async function renderPayeeStatements(format: PayeeStatementFormat, input: PayeeStatementInput, pdf: { out: string; chromium?: string } = { out: 'statement.pdf' }, xlsx: { maxRows?: number } = {}): Promise<string | Uint8Array> {
  const list = payeeStatements(input);
  if (format === 'xlsx') return payeeStatementsXlsx(list, xlsx);
  const html = payeeStatementsHtml(list, `渠道酬金对账单 ${input.policy.id}`);
  return format === 'pdf' ? htmlToPdf(html, pdf.out, pdf.chromium) : html;
}
