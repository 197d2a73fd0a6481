// A run is one transaction: a failure after some lines are inserted, or the process dying
// outright, leaves no trace of the run, and the lines it was replacing stand as they were.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettlementBook } from '../../store/settlement-book.js';
import { read, RURAL, ruralRun, tempBook } from './book-fixture.js';

const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  const out = {
    runs: (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n,
    lines: (db.prepare('SELECT count(*) AS n FROM lines').get() as { n: number }).n,
  };
  db.close();
  return out;
};

describe('a run that fails half way', () => {
  it('leaves nothing of itself when it throws after some lines are inserted', () => {
    const { book, file } = tempBook({ afterLineInserted: (n) => { if (n === 5) throw new Error('injected failure after 5 lines'); } });
    expect(() => book.run(ruralRun('2025-01', '2025-03'))).toThrow('injected failure after 5 lines');
    expect(counts(file)).toEqual({ runs: 0, lines: 0 });
    expect(book.listRuns()).toEqual([]);
    book.shutdown();
  });

  it('leaves the lines it was replacing as they were', () => {
    const { book, file } = tempBook();
    book.run(ruralRun('2025-01', '2025-02'));
    const before = book.statementCsv({ policyId: 'rural-contract' });
    book.shutdown();
    let inserted = 0;
    const failing = SettlementBook.open(file, { afterLineInserted: (n) => { inserted = n; if (n === 20) throw new Error('injected'); } });
    const facts = read(`${RURAL}/facts.csv`).text.replace('2025-02,R01,66400,64275.2,2333,', '2025-02,R01,66400,64275.2,2000,');
    expect(() => failing.run(ruralRun('2025-01', '2025-02', { facts }))).toThrow('injected');
    expect(inserted).toBe(20);
    expect(failing.statementCsv({ policyId: 'rural-contract' })).toBe(before);
    expect(failing.listRuns()).toHaveLength(1);
    failing.shutdown();
  });

  it('leaves nothing when the process is killed in the middle of the run', () => {
    const { book, file, dir } = tempBook();
    book.shutdown();
    const script = join(dir, 'killed.ts');
    writeFileSync(script, `
      import { SettlementBook } from ${JSON.stringify(resolve('store/settlement-book.ts'))};
      import { ruralRun } from ${JSON.stringify(resolve('test/store/book-fixture.ts'))};
      const book = SettlementBook.open(${JSON.stringify(file)}, { afterLineInserted: (n) => { if (n === 30) process.kill(process.pid, 'SIGKILL'); } });
      book.run(ruralRun('2025-01', '2025-03'));
      console.log('not killed');
    `);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toMatch(/not killed/);
    expect(counts(file)).toEqual({ runs: 0, lines: 0 });
    const reopened = SettlementBook.open(file);
    expect(reopened.run(ruralRun('2025-01', '2025-03')).lines.length).toBeGreaterThan(30);
    reopened.shutdown();
  });
});
