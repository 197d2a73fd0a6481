// `ratecard settle --lang zh-CN` (or LANG=zh_CN.UTF-8): the statement's explanations and withheld
// reasons in 简体中文, amounts the same; without either, the CSV is what it always was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../engine/index.js';
import { editLines, runCli, scratch, settleArgs } from '../fixtures/run-cli.js';

const rows = (csv: string) => parseCsv(csv).map((r) => r.cells);

describe('ratecard settle in a language', () => {
  it('writes explanations and reasons in 简体中文 with --lang zh-CN, every amount as in English', async () => {
    const en = await runCli([...settleArgs('rural-contract'), '--withheld', '--no-progress']);
    const zh = await runCli([...settleArgs('rural-contract'), '--withheld', '--no-progress', '--lang', 'zh-CN']);
    expect(en.code).toBe(0);
    expect(zh.code).toBe(0);
    const e = rows(en.stdout), z = rows(zh.stdout);
    expect(z.length).toBe(e.length);
    expect(z[0]).toEqual(e[0]);
    // every column but the explanation is the same
    expect(z.map((r) => r.slice(0, 7))).toEqual(e.map((r) => r.slice(0, 7)));
    const maintenance = z.find((r) => r[1] === 'R01' && r[0] === '2025-01' && r[3] === 'maintenance')!;
    expect(maintenance[7]).toBe('maintenance = billed_lines * maintenance_price = 2755 * 1.5 = 4132.5 → ¥4,132.50');
    const withheld = z.find((r) => r[1] === 'R01' && r[0] === '2025-11' && r[6] === 'withheld')!;
    expect(withheld[7]).toBe('未发放：nothing due：fees_due ¥76,540 = ¥0 未满足；collection gate：fee_ratio 96 % ≥ fee_gate 98 % 未满足（本应为 ¥734.78）');
    expect(z.filter((r) => r[6] === 'withheld').every((r) => r[7].startsWith('未发放：'))).toBe(true);
  });

  it('takes the language from LANG=zh_CN.UTF-8, and --lang en wins over it', async () => {
    const byLang = await runCli([...settleArgs('rural-contract'), '--withheld', '--no-progress', '--lang', 'zh-CN']);
    const byLocale = await runCli([...settleArgs('rural-contract'), '--withheld', '--no-progress'], { LANG: 'zh_CN.UTF-8' });
    expect(byLocale.stdout).toBe(byLang.stdout);
    const en = await runCli([...settleArgs('rural-contract'), '--withheld', '--no-progress']);
    const forced = await runCli([...settleArgs('rural-contract'), '--withheld', '--no-progress', '--lang=en'], { LANG: 'zh_CN.UTF-8' });
    expect(forced.stdout).toBe(en.stdout);
    expect(en.stdout).toContain('withheld: nothing due: fees_due 76540 = 0 is not met; collection gate: fee_ratio 0.96 ≥ fee_gate 0.98 is not met (would have been 734.78)');
  });

  it('writes the same 简体中文 statement in parts over 2 workers as in one process (CSV with withheld items byte for byte, and JSON)', async () => {
    const dir = scratch();
    for (const ext of ['csv', 'json']) {
      const one = dir.path(`one.${ext}`), parts = dir.path(`parts.${ext}`);
      for (const [out, workers] of [[one, '0'], [parts, '2']]) {
        const run = await runCli([...settleArgs('private-line'), '--withheld', '--no-progress', '--lang', 'zh-CN', '--workers', workers, '--out', out]);
        expect(run.code, run.stderr).toBe(0);
      }
      const text = readFileSync(parts, 'utf8');
      // the CSV byte for byte; JSON is written as a stream in parts: the same document
      if (ext === 'csv') expect(text).toBe(readFileSync(one, 'utf8'));
      else expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(one, 'utf8')));
      expect(text).toMatch(/未发放|标记/);
    }
  });

  it('refuses a language it has no texts for', async () => {
    const run = await runCli([...settleArgs('rural-contract'), '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ratecard settle: --lang must be en or zh-CN, got `fr`\n/);
  });

  it('says data errors in 简体中文 at the same cell, no stack trace', async () => {
    const facts = scratch().write('bad.csv', editLines('data/scenarios/rural-contract/facts.csv', (l) => {
      l[3] = l[3].replace('83000,87316', '83000,87x16');
      return l;
    }));
    const run = await runCli(settleArgs('rural-contract', { facts }), { LC_ALL: 'zh_CN.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${facts}:4:19 revenue_actual: 此处应为金额，实际为 \`87x16\`\n`);
  });
});
