// A closed period's lines are immutable: the book never writes them, and the database's
// triggers refuse even a direct UPDATE, DELETE or INSERT from another connection.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RatecardError } from '../../engine/index.js';
import { ClosedPeriodError, SqliteStore } from '../../store/sqlite-store.js';
import { ruralRun, tempBook } from './book-fixture.js';

function quarterWithMarchClosed() {
  const t = tempBook();
  t.book.run(ruralRun('2025-01', '2025-04'));
  for (const m of ['2025-01', '2025-02', '2025-03']) t.book.close('rural-contract', m, 'auditor');
  return t;
}

const messageOf = (f: () => unknown) => {
  try { f(); } catch (e) { return e instanceof RatecardError ? e.diagnostics.map((d) => `${d.field}: ${d.message}`).join('\n') : String(e); }
  return 'no error';
};

describe('closed periods', () => {
  it('cannot be changed by a direct UPDATE, DELETE or INSERT', () => {
    const { book, file } = quarterWithMarchClosed();
    const db = new Database(file);
    const march = "policy_id = 'rural-contract' AND period = '2025-03'";
    expect(() => db.prepare(`UPDATE lines SET amount = '0.00' WHERE ${march}`).run()).toThrow(/period is closed: its lines cannot be changed/);
    expect(() => db.prepare(`DELETE FROM lines WHERE ${march}`).run()).toThrow(/period is closed: its lines cannot be deleted/);
    expect(() => db.prepare(`UPDATE lines SET period = '2025-03' WHERE policy_id = 'rural-contract' AND period = '2025-04'`).run()).toThrow(/period is closed/);
    const columns = 'run_id, period, payee_id, line, kind, amount, explanation, trace, adjustment, payee_order, line_order';
    expect(() => db.prepare(`INSERT INTO lines (policy_id, id, ${columns}) SELECT policy_id, id || 'x', ${columns}
      FROM lines WHERE ${march} LIMIT 1`).run()).toThrow(/period is closed: its lines cannot be inserted/);
    expect(() => db.prepare("DELETE FROM closed_periods WHERE period = '2025-03'").run()).toThrow(/a period close cannot be undone/);
    expect(() => db.prepare("UPDATE closed_periods SET period = '2025-05' WHERE period = '2025-03'").run()).toThrow(/a period close cannot be changed/);
    // the open month is still the book's to replace
    expect(db.prepare("UPDATE lines SET amount = amount WHERE policy_id = 'rural-contract' AND period = '2025-04'").run().changes).toBeGreaterThan(0);
    db.close();
    expect(book.closedPeriods('rural-contract')).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('are refused by the store itself, before the database is asked', () => {
    const { book, file } = quarterWithMarchClosed();
    book.shutdown();
    const store = SqliteStore.open(file);
    const [line] = store.lines({ policyId: 'rural-contract', from: '2025-03', to: '2025-03' });
    expect(() => store.deleteLines('rural-contract', [line.id], 'run-999999')).toThrow(ClosedPeriodError);
    expect(() => store.insertLine({ ...line, id: `${line.id}-again` })).toThrow('period 2025-03 of rural-contract is closed: its lines cannot be inserted');
    store.shutdown();
  });

  it('records who closed them and when', () => {
    const { file } = quarterWithMarchClosed();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT period, closed_by FROM closed_periods ORDER BY period').all()).toEqual(
      ['2025-01', '2025-02', '2025-03'].map((period) => ({ period, closed_by: 'auditor' })));
    db.close();
  });

  it('close in order, once, and only after they were settled', () => {
    const { book } = tempBook();
    book.run(ruralRun('2025-01', '2025-03'));
    expect(messageOf(() => book.close('rural-contract', '2025-02', 'a'))).toBe('period: period `2025-01` of `rural-contract` is still open: close it before `2025-02`');
    book.close('rural-contract', '2025-01', 'a');
    expect(messageOf(() => book.close('rural-contract', '2025-01', 'a'))).toBe('period: period `2025-01` of `rural-contract` is already closed');
    expect(messageOf(() => book.close('rural-contract', '2025-07', 'a'))).toBe('period: period `2025-07` of `rural-contract` has not been settled: run it before closing it');
    expect(messageOf(() => book.close('rural-contract', '2025-13', 'a'))).toBe('period: expected a month as YYYY-MM, got `2025-13`');
  });

  it('let nothing be posted behind them', () => {
    const { book } = quarterWithMarchClosed();
    expect(messageOf(() => book.run(ruralRun('2024-12', '2025-01')))).toBe(
      'from: period `2024-12` of `rural-contract` is open but `2025-03` after it is closed: nothing can be posted behind a close');
  });
});

describe('run ranges', () => {
  it('a range that ends before it starts is a located error', () => {
    const { book } = tempBook();
    expect(messageOf(() => book.run(ruralRun('2025-03', '2025-01')))).toBe('from: the range starts at 2025-03, after its end 2025-01');
  });
});
