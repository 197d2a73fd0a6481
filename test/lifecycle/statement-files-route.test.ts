// GET /statement-files/:policyId over a real listening server and a real SQLite book: payee
// statements (对账单) as xlsx (read back), HTML and PDF with their content types and file names,
// replayed as of a date, and the refusals (400, 404, 503) located at the query.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Exact } from '../../engine/index.js';
import { ruleTitles } from '../../cli/formats/policy-yaml.js';
import { SettlementBook } from '../../store/settlement-book.js';
import { get, listening, type Running, scenarioDataset } from '../server/serve-for-test.js';

let server: Running;
let book: SettlementBook;
let clock = '';
const dataset = scenarioDataset('rural-contract');
const policy = { file: 'rural-contract.yaml', text: readFileSync('policies/rural-contract.yaml', 'utf8') };

beforeAll(async () => {
  book = SettlementBook.open(join(mkdtempSync(join(tmpdir(), 'ratecard-files-')), 'book.db'), { now: () => clock });
  clock = '2025-02-03T09:00:00.000Z';
  book.run({ policy, dataset, from: '2025-01', to: '2025-01', startedBy: 'clerk' });
  clock = '2025-03-03T09:00:00.000Z';
  book.run({ policy, dataset, from: '2025-02', to: '2025-02', startedBy: 'clerk' });
  server = await listening({ book });
});
afterAll(async () => {
  await server.close();
  book.shutdown();
});

const download = async (query: string) => {
  const res = await fetch(`${server.url}/statement-files/rural-contract?${query}`);
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
};
type Sheets = { sheet: string; data: unknown[][] }[];

describe('GET /statement-files/:policyId', () => {
  it('answers an Excel workbook named after the query, whose totals are the posted lines\'', async () => {
    const res = await download('format=xlsx&payee=R01');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.disposition).toBe('attachment; filename="rural-contract_R01.xlsx"');
    const sheets = (await readXlsxFile(res.bytes)) as Sheets;
    const [, ...rows] = sheets[0].data;
    expect(rows.map((r) => [r[0], r[2]])).toEqual([['R01', '2025-01'], ['R01', '2025-02']]);
    const posted = book.statement({ policyId: 'rural-contract', payeeId: 'R01' });
    for (const r of rows) {
      const sum = posted.filter((l) => l.period === r[2]).reduce((s, l) => s.add(Exact.parse(l.amount)), Exact.ZERO);
      expect(Exact.parse(String(r[7])).eq(sum)).toBe(true);
    }
    const lines = sheets[1].data.map((r) => r.map((c) => (c === null ? '' : String(c))));
    // the bundled policy is the text that was run: its name and its rules' 简体中文 titles label the statement
    expect(lines.find((r) => r[0] === '政策')!.filter(Boolean)).toEqual(['政策', 'rural-contract', 'Contracted rural points 第 1 版']);
    expect(lines.find((r) => r[0] === 'maintenance')![1]).toBe(ruleTitles(policy.text).maintenance);
    expect(lines.find((r) => r[0] === 'maintenance')![4]).toMatch(/^计算：billed_lines \* maintenance_price = /);
  });

  it('answers HTML, and the month as it stood: as of 2025-02-28 only January was posted', async () => {
    const now = await download('format=html&payee=R02');
    expect(now.type).toBe('text/html; charset=utf-8');
    expect(now.bytes.toString('utf8').match(/<section>/g)).toHaveLength(2);
    const then = await download('format=html&payee=R02&asOf=2025-02-28');
    expect(then.disposition).toBe('attachment; filename="rural-contract_R02_as-of-2025-02-28.html"');
    const html = then.bytes.toString('utf8');
    expect(html.match(/<section>/g)).toHaveLength(1);
    expect(html).toContain('渠道酬金对账单 R02 2025-01');
  });

  it('splits a workbook at sheetRows', async () => {
    const sheets = (await readXlsxFile((await download('format=xlsx&sheetRows=20')).bytes)) as Sheets;
    const pages = sheets.filter((s) => s.sheet.startsWith('对账单'));
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) {
      expect(p.data.length).toBeLessThanOrEqual(20);
      expect(String(p.data[0][0])).toMatch(/^渠道酬金对账单 /);
    }
  });

  it('answers a PDF printed by Chromium', async () => {
    const res = await download('format=pdf&payee=R03&from=2025-02');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toBe('attachment; filename="rural-contract_R03_2025-02.pdf"');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses what it cannot answer, located at the query', async () => {
    const bad = await get(`${server.url}/statement-files/rural-contract?format=xlsx&asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.json.diagnostics).toEqual([expect.objectContaining({ file: 'query', field: 'asOf', message: 'expected a date as YYYY-MM-DD or an ISO 8601 time such as 2025-09-30T18:00:00Z, got `yesterday`' })]);
    const format = await get(`${server.url}/statement-files/rural-contract?format=docx`);
    expect(format.status).toBe(400);
    expect(format.json.diagnostics[0]).toMatchObject({ field: 'format', message: 'expected one of `xlsx`, `html`, `pdf`' });
    const unknown = await get(`${server.url}/statement-files/service-center?format=html`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.diagnostics[0]).toMatchObject({ field: 'policyId', message: 'no runs of policy `service-center` in the store' });
    const storeless = await listening();
    try {
      expect((await get(`${storeless.url}/statement-files/rural-contract?format=html`)).status).toBe(503);
    } finally {
      await storeless.close();
    }
  });
});

describe('POST /statement-files/:policyId', () => {
  it('names the payees and shows their attributes from the payees table given', async () => {
    const res = await fetch(`${server.url}/statement-files/rural-contract`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'xlsx', payee: 'R02', to: '2025-01', payees: dataset.payees }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rural-contract_R02_2025-01.xlsx"');
    const sheets = (await readXlsxFile(Buffer.from(await res.arrayBuffer()))) as Sheets;
    const rows = sheets[1].data.map((r) => r.map((c) => (c === null ? '' : String(c))).filter(Boolean));
    expect(rows.slice(0, 5)).toEqual([['渠道酬金对账单 R02 2025-01'], ['收款方', 'R02', 'Rural point R02'], ['渠道类型', 'rural_contract'], ['region', 'south'], ['parent_id', 'county-01']]);
  });

  it('a payees table without payee_id is located in it (422), a bad asOf at the body (400)', async () => {
    const send = (body: object) => fetch(`${server.url}/statement-files/rural-contract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(async (r) => ({ status: r.status, json: await r.json() }));
    const table = await send({ format: 'html', payees: { file: 'payees.csv', text: 'id,name\nR01,x\n' } });
    expect(table.status).toBe(422);
    expect(table.json.diagnostics[0]).toMatchObject({ file: 'payees.csv', line: 1, field: 'payee_id', message: 'missing column `payee_id`; the header has `id`, `name`' });
    const asOf = await send({ format: 'html', asOf: '2025-13-01' });
    expect(asOf.status).toBe(400);
    expect(asOf.json.diagnostics[0]).toMatchObject({ file: 'body', field: 'asOf' });
  });
});
