// Replay (12.1): `ratecard statement --as-of DATE` over a store that a year with a mid-year
// amendment was posted into month by month, on dated runs. The step rate of rural-contract goes
// from 2 % (version 1) to 3 % (version 2) in July; R02's lines are worked by hand:
//   under_completion = full steps below 100 % × step rate × (maintenance + development)
//   June and earlier: version 1 (2025-01: -905.38, 2025-02: -791.40, 2025-03: -661.65, none Apr–Jun)
//   2025-07: 73418.4 / 79200 = 0.927 → 7 steps; 7 × 3 % × (5155.50 + 2190) = 1542.555 → -1542.56 (v2)
//   2025-08: 0.898 → 10 steps, 30 % (the cap) × (4873.50 + 830) = 1711.05 → -1711.05 (v2)
//   July corrected on 2025-11-20 (actual 75240 = 95 %): 5 steps × 3 % × 7345.50 = 1101.825 → -1101.83,
//   posted as an adjustment in the first open month (September): -1101.83 − (-1542.56) = +440.73.
//   June corrected under version 1 on 2025-11-21 (actual 75600 of 72000 = 105 %): over_completion
//   = (2878.50 + 2860) × 0.05 = 286.925 → 286.93, was × 0.102 = 585.33: -298.40 in September, paid by version 1.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it, beforeAll } from 'vitest';
import { loadPolicy, readDataset, settleVersions } from '../../engine/index.js';
import { AsyncSettlementBook } from '../../store/async-book.js';
import { runCli, scratch } from '../fixtures/run-cli.js';

const RURAL = 'data/scenarios/rural-contract';
const v1 = readFileSync('policies/rural-contract.yaml', 'utf8');
const v2 = v1.replace(/^version: 1$/m, 'version: 2').replace(/^applies_to:/m, 'effective: { from: 2025-07 }\napplies_to:').replace('    value: 0.02\n', '    value: 0.03\n');
const facts = readFileSync(`${RURAL}/facts.csv`, 'utf8');
const correctedJuly = facts.replace('2025-07,R02,79200,73418.4,', '2025-07,R02,79200,75240,');
const correctedJune = facts.replace('2025-06,R02,72000,79344,', '2025-06,R02,72000,75600,');
const changedSeptember = facts.replace('2025-09,R02,72000,69840,', '2025-09,R02,72000,72000,');

interface Line { period: string; line: string; amount: string; version: string; runId: string; adjustment: boolean }

const tmp = scratch('ratecard-replay-');
const pg = process.env.RATECARD_TEST_PG;
/** The same year in each backend: an SQLite file, and a PostgreSQL schema of its own when a server is given. */
const stores: [string, string][] = [
  ['SQLite', tmp.path('year.db')],
  ...(pg ? [['PostgreSQL', `${pg}${pg.includes('?') ? '&' : '?'}schema=replay_${randomBytes(6).toString('hex')}`] as [string, string]] : []),
];

/** Posts the year into `db` on dated runs. */
async function postYear(db: string): Promise<void> {
  let clock = '';
  const book = await AsyncSettlementBook.open(db, { now: () => clock });
  const at = (time: string) => { clock = time; };
  const run = async (policy: string, month: string, factsText = facts) => book.run({
    policy: { file: `rural-contract-v${policy === v1 ? 1 : 2}.yaml`, text: policy },
    dataset: { payees: { file: `${RURAL}/payees.csv`, text: readFileSync(`${RURAL}/payees.csv`, 'utf8') }, facts: { file: 'facts.csv', text: factsText } },
    from: month, to: month, startedBy: 'clerk',
  });
  try {
    // each month is run on the 3rd of the next and closed on the 5th; September stays open
    for (let m = 1; m <= 9; m++) {
      const month = `2025-0${m}`;
      const next = m === 9 ? '2025-10' : `2025-0${m + 1}`;
      at(`${next}-03T09:00:00.000Z`);
      await run(m < 7 ? v1 : v2, month);
      if (m < 9) {
        at(`${next}-05T09:00:00.000Z`);
        await book.close('rural-contract', month, 'auditor');
      }
    }
    at('2025-10-15T09:00:00.000Z');
    await run(v2, '2025-09', changedSeptember); // September again while open: its lines are replaced
    at('2025-11-20T09:00:00.000Z');
    await run(v2, '2025-07', correctedJuly); // closed July corrected: an adjustment in September
    at('2025-11-21T09:00:00.000Z');
    await run(v1, '2025-06', correctedJune); // closed June corrected under the version of June
  } finally {
    await book.shutdown();
  }
}

async function statementOf(db: string, ...extra: string[]): Promise<{ lines: Line[]; note: string; json: Record<string, unknown> }> {
  const out = tmp.path(`s${randomBytes(4).toString('hex')}.json`);
  const run = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--payee', 'R02', '--out', out, ...extra]);
  expect(run.code).toBe(0);
  const json = JSON.parse(readFileSync(out, 'utf8')) as { lines: Line[] };
  return { lines: json.lines, note: run.stderr, json };
}

const under = (lines: Line[]) => lines.filter((l) => l.line.startsWith('under_completion')).map((l) => `${l.period} ${l.line} ${l.amount} v${l.version}`);

for (const [backend, db] of stores) describe(`a statement replayed as of a date (${backend})`, () => {
  beforeAll(() => postYear(db), 60_000);

  it('as of 2025-09-30 gives the lines of the version in force each month, posted by then', async () => {
    const { lines, note, json } = await statementOf(db, '--as-of', '2025-09-30');
    expect(under(lines)).toEqual([
      '2025-01 under_completion -905.38 v1', '2025-02 under_completion -791.40 v1', '2025-03 under_completion -661.65 v1',
      '2025-07 under_completion -1542.56 v2', '2025-08 under_completion -1711.05 v2',
    ]);
    // September was not run yet; the July correction came later
    expect(new Set(lines.map((l) => l.period))).toEqual(new Set(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']));
    expect(lines.every((l) => !l.adjustment)).toBe(true);
    expect(new Set(lines.filter((l) => l.period <= '2025-06').map((l) => l.version))).toEqual(new Set(['1']));
    expect(new Set(lines.filter((l) => l.period >= '2025-07').map((l) => l.version))).toEqual(new Set(['2']));
    expect(json).toMatchObject({ asOf: '2025-09-30', before: '2025-10-01T00:00:00.000Z', repostedAfter: [] });
    expect(note).toMatch(/^\d+ posted lines of rural-contract as of 2025-09-30 → /);
  });

  // September was run again at 100 % (72000 of 72000): no deduction of its own
  it('today: the July correction is an adjustment in September, paid by version 2', async () => {
    const { lines } = await statementOf(db);
    expect(under(lines)).toEqual([
      '2025-01 under_completion -905.38 v1', '2025-02 under_completion -791.40 v1', '2025-03 under_completion -661.65 v1',
      '2025-07 under_completion -1542.56 v2', '2025-08 under_completion -1711.05 v2',
      '2025-09 under_completion@2025-07 440.73 v2',
    ]);
  });

  it('a month paid by two versions names both, and each line its version', async () => {
    const { lines } = await statementOf(db);
    expect(lines.filter((l) => l.line === 'over_completion@2025-06').map((l) => `${l.period} ${l.amount} v${l.version}`)).toEqual(['2025-09 -298.40 v1']);
    const out = tmp.path(`september-${backend}.xlsx`);
    expect((await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--payee', 'R02', '--from', '2025-09', '--out', out])).code).toBe(0);
    const rows = ((await readXlsxFile(readFileSync(out))) as { data: unknown[][] }[])[1].data.map((r) => r.map((c) => (c === null ? '' : String(c))));
    expect(rows.find((r) => r[0] === '政策')!.filter(Boolean)).toEqual(['政策', 'rural-contract', '第 2、1 版']);
    const june = rows.find((r) => r[0].startsWith('over_completion@2025-06'))!;
    expect(june.slice(0, 4)).toEqual(['over_completion@2025-06（第 1 版）', expect.any(String), '奖励', '-298.4']);
    expect(june[4]).toMatch(/^更正 2025-06 的 2025-06 over_completion：原 585\.33，现 286\.93/);
    expect(rows.find((r) => r[0].startsWith('under_completion@2025-07'))![0]).toBe('under_completion@2025-07（第 2 版）');
  });

  it('as of a moment between two runs of an open month, shows that month as the first run posted it', async () => {
    const { lines, note } = await statementOf(db, '--as-of', '2025-10-05');
    expect(note).not.toContain('note:');
    // the year settled at once by the engine on the facts as they were then: September as first posted
    const versions = [v1, v2].map((text, i) => {
      const loaded = loadPolicy({ file: `rural-contract-v${i + 1}.yaml`, text });
      if (!loaded.ok) throw new Error('policy');
      const data = readDataset({ payees: { file: 'payees.csv', text: readFileSync(`${RURAL}/payees.csv`, 'utf8') }, facts: { file: 'facts.csv', text: facts } }, loaded.policy);
      if (!data.ok) throw new Error('data');
      return { policy: loaded.policy, dataset: data.dataset };
    });
    const first = settleVersions(versions, { from: '2025-01', to: '2025-09' }).lines.filter((l) => l.payeeId === 'R02' && l.period === '2025-09');
    const september = lines.filter((l) => l.period === '2025-09');
    expect(september.map((l) => `${l.line} ${l.amount} v${l.version}`)).toEqual(first.map((l) => `${l.line} ${l.amount} v2`));
    // 69840 / 72000 = 97 %: 3 steps at 3 % were deducted then; the re-run on 100 % deducts nothing
    expect(september.some((l) => l.line === 'under_completion' && l.amount.startsWith('-'))).toBe(true);
    expect((await statementOf(db)).lines.some((l) => l.period === '2025-09' && l.line === 'under_completion')).toBe(false);
  });

  it('as of an exact time counts the runs started up to and including it', async () => {
    const before = await statementOf(db, '--as-of', '2025-08-03T08:59:59Z');
    const at = await statementOf(db, '--as-of', '2025-08-03T09:00:00Z');
    expect(before.lines.some((l) => l.period === '2025-07')).toBe(false);
    expect(at.lines.some((l) => l.period === '2025-07')).toBe(true);
  });

  it('a date that is not one is a located error', async () => {
    for (const bad of ['2025-02-30', '30/09/2025', '2025-09']) {
      const run = await runCli(['statement', '--db', db, '--policy-id', 'rural-contract', '--as-of', bad]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`(options):1:1 as-of: expected a date as YYYY-MM-DD or an ISO 8601 time such as 2025-09-30T18:00:00Z, got \`${bad}\`\n`);
    }
  });
});
