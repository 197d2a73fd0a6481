// Payee statements (对账单) read back from the settlement store: `ratecard statement --out x.xlsx|
// x.html|x.pdf`. The workbook is read back (payee name and attributes from --payees, the version
// that paid each month, Chinese explanations, adjustments and refunds linked, totals to the cent),
// sheets split cleanly at a small injected limit, and the PDF is rendered to an image by Chromium's
// PDF viewer (test-output/lifecycle/store-statement.png).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Exact } from '../../engine/index.js';
import { runCli, scratch } from '../fixtures/run-cli.js';

const RURAL = 'data/scenarios/rural-contract';
const OUT = 'test-output/lifecycle';
type Sheets = { sheet: string; data: unknown[][] }[];
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const tmp = scratch('ratecard-store-files-');
const db = tmp.path('book.db');
const runArgs = (from: string, to: string, facts = `${RURAL}/facts.csv`) =>
  ['run', '--db', db, '--policy', 'policies/rural-contract.yaml', '--payees', `${RURAL}/payees.csv`, '--facts', facts, '--from', from, '--to', to, '--by', 'clerk'];
const statement = (...args: string[]) => runCli(['statement', '--db', db, '--policy-id', 'rural-contract', ...args]);

beforeAll(async () => {
  expect((await runCli(runArgs('2025-01', '2025-04'))).code).toBe(0);
  for (const m of ['01', '02', '03']) expect((await runCli(['close', '--db', db, '--policy-id', 'rural-contract', '--period', `2025-${m}`, '--by', 'auditor'])).code).toBe(0);
  // March corrected after its close: adjustments in April (amounts worked by hand in test/store/adjustments.test.ts)
  const facts = tmp.write('corrected.csv', readFileSync(`${RURAL}/facts.csv`, 'utf8').replace('2025-03,R01,83000,87316,', '2025-03,R01,83000,80000,'));
  expect((await runCli(runArgs('2025-03', '2025-03', facts))).code).toBe(0);
});

/** The rows of one statement block (title to 应付合计) on the 对账单 sheets. */
const block = (rows: string[][], payee: string, period: string) => {
  const start = rows.findIndex((r) => r[0] === `渠道酬金对账单 ${payee} ${period}`);
  expect(start, `${payee} ${period}`).toBeGreaterThanOrEqual(0);
  return rows.slice(start, rows.findIndex((r, i) => i > start && r[1] === '应付合计') + 1);
};

describe('payee statements from the store as .xlsx', () => {
  let sheets: Sheets;
  let posted: { payeeId: string; period: string; amount: string }[];
  beforeAll(async () => {
    const out = tmp.path('statements.xlsx');
    const run = await statement('--payees', `${RURAL}/payees.csv`, '--policy', 'policies/rural-contract.yaml', '--out', out);
    expect(run.stderr).toBe(`114 posted lines of rural-contract → ${out}\n`);
    sheets = (await readXlsxFile(readFileSync(out))) as Sheets;
    const json = tmp.path('statement.json');
    expect((await statement('--out', json)).code).toBe(0);
    posted = JSON.parse(readFileSync(json, 'utf8')).lines;
  });

  it('sums each payee and month to the cent of the posted lines', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '对账单']);
    const [, ...rows] = sheets[0].data.map((r) => r.map(text));
    expect(rows).toHaveLength(6 * 4);
    for (const [payee, , period, , , , , total] of rows) {
      const sum = posted.filter((l) => l.payeeId === payee && l.period === period).reduce((s, l) => s.add(Exact.parse(l.amount)), Exact.ZERO);
      expect(Exact.parse(total).eq(sum), `${payee} ${period}`).toBe(true);
    }
    expect(rows[0].slice(0, 3)).toEqual(['R01', 'Rural point R01', '2025-01']);
  });

  it('shows the payee with its attributes, the version, and the adjustments of the corrected month in Chinese', () => {
    const rows = sheets[1].data.map((r) => r.map(text));
    const april = block(rows, 'R01', '2025-04');
    expect(april.slice(1, 7).map((r) => r.filter(Boolean))).toEqual([
      ['收款方', 'R01', 'Rural point R01'], ['渠道类型', 'rural_contract'], ['region', 'south'], ['parent_id', 'county-01'], ['账期', '2025-04'], ['政策', 'rural-contract', 'Contracted rural points 第 1 版'],
    ]);
    const adjustment = april.find((r) => r[0] === 'under_completion@2025-03')!;
    expect(adjustment.slice(2, 4)).toEqual(['扣减', '-366.66']);
    expect(adjustment[4]).toMatch(/^更正 2025-03 的 2025-03 under_completion：原 0\.00，现 -366\.66。/);
    expect(april.find((r) => r[0] === 'refund@2025-03')!.slice(2, 4)).toEqual(['返还', '-265.77']);
    const sum = posted.filter((l) => l.payeeId === 'R01' && l.period === '2025-04').reduce((s, l) => s.add(Exact.parse(l.amount)), Exact.ZERO);
    expect(Exact.parse(april.at(-1)![3]).eq(sum)).toBe(true);
  });

  it('links a refund to the deductions it returns, and a deduction to the refund that returned it', () => {
    const rows = sheets[1].data.map((r) => r.map(text));
    const refund = rows.find((r) => r[0] === 'refund')!;
    expect(refund[4]).toMatch(/^返还 2025-Q1 扣减 [\d.]+ 的 \d+% = [\d.]+（对应 \d{4}-\d{2} under_completion -[\d.]+/);
    expect(rows.some((r) => r[0] === 'under_completion' && /已返还：2025-03 refund \d+%/.test(r[4]))).toBe(true);
  });

  it('without --payees names payees by id; with --lang en explains in English', async () => {
    const out = tmp.path('plain.xlsx');
    expect((await statement('--payee', 'R01', '--from', '2025-04', '--lang', 'en', '--out', out)).code).toBe(0);
    const rows = ((await readXlsxFile(readFileSync(out))) as Sheets)[1].data.map((r) => r.map(text));
    expect(rows[1].filter(Boolean)).toEqual(['收款方', 'R01']);
    expect(rows.find((r) => r[0] === '政策')!.filter(Boolean)).toEqual(['政策', 'rural-contract', '第 1 版']);
    expect(rows.find((r) => r[0] === 'maintenance')![4]).toMatch(/^[a-z_]+ .*=/);
    expect(rows.find((r) => r[0] === 'maintenance')![4]).not.toMatch(/计算/);
  });

  it('splits over sheets at --sheet-rows without splitting a statement', async () => {
    const out = tmp.path('split.xlsx');
    expect((await statement('--payees', `${RURAL}/payees.csv`, '--policy', 'policies/rural-contract.yaml', '--sheet-rows', '30', '--out', out)).code).toBe(0);
    const split = (await readXlsxFile(readFileSync(out))) as Sheets;
    const pages = split.filter((s) => s.sheet.startsWith('对账单'));
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((s) => s.sheet)).toEqual(pages.map((_, i) => (i ? `对账单 ${i + 1}` : '对账单')));
    for (const p of pages) {
      expect(p.data.length).toBeLessThanOrEqual(30);
      expect(text(p.data[0][0])).toMatch(/^渠道酬金对账单 /);
    }
    // the same rows in the same order as on one sheet (blank spacer rows aside)
    const filled = (data: unknown[][]) => data.map((r) => r.map(text)).filter((r) => r.some(Boolean));
    expect(pages.flatMap((p) => filled(p.data))).toEqual(filled(sheets[1].data));
    expect(split.filter((s) => s.sheet.startsWith('汇总')).reduce((n, s) => n + s.data.length - 1, 0)).toBe(24);
  });

  it('refuses a bad --sheet-rows, --lang, or a workbook without --out (usage errors, exit 2)', async () => {
    for (const [args, first] of [
      [['--sheet-rows', '0', '--out', 'x.xlsx'], '--sheet-rows must be a positive whole number, got `0`'],
      [['--lang', 'fr', '--out', 'x.xlsx'], '--lang must be en or zh-CN, got `fr`'],
      [['--format', 'xlsx'], '--format xlsx writes a file: give --out FILE.xlsx'],
    ] as const) {
      const run = await statement(...args);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(`ratecard statement: ${first}`);
    }
  });

  it('a --policy text that posted no run is refused, located at the file', async () => {
    const other = tmp.write('rural-contract-v2.yaml', readFileSync('policies/rural-contract.yaml', 'utf8').replace(/^version: 1$/m, 'version: 2'));
    const run = await statement('--policy', other, '--out', tmp.path('x.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${other}:1:1 policy: no run of \`rural-contract\` in the store was settled with this text: give the version that was run\n`);
    const wrong = await statement('--policy', 'policies/service-center.yaml', '--out', tmp.path('x.xlsx'));
    expect(wrong.stderr).toBe('policies/service-center.yaml:1:1 id: the policy is `service-center`, not `rural-contract`\n');
  });

  it('a payees file without payee_id is a located error', async () => {
    const bad = tmp.write('bad-payees.csv', 'id,name\nR01,x\n');
    const run = await statement('--payees', bad, '--out', tmp.path('x.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${bad}:1:1 payee_id: missing column \`payee_id\`; the header has \`id\`, \`name\`\n`);
  });
});

describe('payee statements from the store as HTML and PDF', () => {
  it('writes one section per payee and month, and a PDF that Chromium renders', async () => {
    const html = tmp.path('r01.html');
    expect((await statement('--payees', `${RURAL}/payees.csv`, '--payee', 'R01', '--out', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<section>/g)).toHaveLength(4);
    expect(page).toContain('<tr><th>收款方</th><td>R01 Rural point R01</td></tr>');
    mkdirSync(OUT, { recursive: true });
    const pdf = resolve(OUT, 'store-statement.pdf');
    expect((await statement('--payees', `${RURAL}/payees.csv`, '--payee', 'R01', '--out', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const shot = await renderPdf(pdf, join(OUT, 'store-statement.png'));
    expect(shot.pages).toBeGreaterThanOrEqual(4);
    // the viewer shows a white page with text on it (a failed render shows the viewer's grey only)
    expect(shot.paper).toBeGreaterThan(0.3);
    expect(shot.ink).toBeGreaterThan(0.001);
  });
});

/** A PDF opened in Chromium's viewer, screenshot until a white page with text shows (bounded: at most 60 tries). */
async function renderPdf(pdf: string, png: string): Promise<{ pages: number; paper: number; ink: number }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const viewer = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    const reader = await browser.newPage();
    await viewer.goto(`file://${pdf}#toolbar=0`);
    // shares of near-white pixels (the paper) and of near-black ones (text; the viewer's grey is #282828)
    const measure = (shot: Buffer) => reader.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, img.width, img.height);
      let paper = 0;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        const sum = data[i] + data[i + 1] + data[i + 2];
        if (sum > 720) paper++;
        else if (sum < 90) ink++;
      }
      return { paper: paper / (img.width * img.height), ink: ink / (img.width * img.height) };
    }, `data:image/png;base64,${shot.toString('base64')}`);
    let seen = { paper: 0, ink: 0 };
    for (let i = 0; i < 60 && !(seen.paper > 0.3 && seen.ink > 0.001); i++) {
      if (i) await new Promise((r) => setTimeout(r, 250));
      seen = await measure(await viewer.screenshot({ path: png }));
    }
    const pages = (readFileSync(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    return { pages, ...seen };
  } finally {
    await browser.close();
  }
}
