// Schema migrations: a new file gets every migration on first open, each recorded in
// schema_version; reopening applies nothing twice; an older file is brought up to date.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../store/migrations.js';
import { SettlementBook } from '../../store/settlement-book.js';
import { SqliteStore } from '../../store/sqlite-store.js';

const objects = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string }[];
  db.close();
  return rows.map((r) => `${r.type} ${r.name}`);
};

describe('store migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-migrate-'));

  it('create the schema in a new file (and its folder) on first open and record each version', () => {
    const file = join(dir, 'new', 'book.db');
    const book = SettlementBook.open(file, { now: () => '2026-01-31T12:00:00.000Z' });
    expect(existsSync(file)).toBe(true);
    expect(book.schemaVersions()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: '2026-01-31T12:00:00.000Z' })));
    book.shutdown();
    expect(objects(file)).toEqual(expect.arrayContaining([
      'table runs', 'table lines', 'table closed_periods', 'table schema_version',
      'trigger lines_closed_insert', 'trigger lines_closed_update_old', 'trigger lines_closed_update_new', 'trigger lines_closed_delete',
      'trigger closed_periods_no_delete', 'trigger closed_periods_no_update', 'index lines_period', 'table seals',
      'trigger lines_closed_replace', 'trigger lines_closed_update_key', 'trigger runs_no_update', 'trigger runs_no_delete', 'trigger runs_no_replace',
    ]));
  });

  it('apply nothing twice when the file is opened again', () => {
    const file = join(dir, 'again.db');
    SettlementBook.open(file, { now: () => 'first' }).shutdown();
    const book = SettlementBook.open(file, { now: () => 'second' });
    expect(book.schemaVersions().map((v) => v.appliedAt)).toEqual(MIGRATIONS.map(() => 'first'));
    book.shutdown();
  });

  it('bring a file at an older version up to date, filling new columns of closed lines too', () => {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.slice(0, 2)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(m.version, m.name, 'long ago');
    }
    db.exec(`INSERT INTO runs (id, policy_id, policy_version, policy_hash, source_hash, facts_hash, period_from, period_to,
      started_by, started_at, line_count, adjustment_count, totals, unchanged) VALUES ('run-000001', 'p', '1', 'h', 'h', 'h',
      '2025-03', '2025-04', 'x', 'long ago', 1, 1, '{}', 0)`);
    const insert = db.prepare(`INSERT INTO lines (policy_id, id, run_id, period, payee_id, line, kind, amount, explanation, trace,
      adjustment, payee_order, line_order) VALUES ('p', ?, 'run-000001', ?, 'A', ?, 'refund', ?, '', ?, ?, 0, 0)`);
    insert.run('p/A/2025-03/refund', '2025-03', 'refund', '10.00', JSON.stringify({ rule: 'refund', refunds: [{ source: '2025-Q1' }] }), 0);
    insert.run('p/A/2025-04/refund@2025-03', '2025-04', 'refund@2025-03', '-1.00',
      JSON.stringify({ rule: 'refund', adjusts: { lineId: 'p/A/2025-03/refund', period: '2025-03' }, refunds: [{ source: '2025-Q1' }, { source: '2024-Q4' }] }), 1);
    db.exec("INSERT INTO closed_periods VALUES ('p', '2025-03', 'x', 'long ago')");
    db.close();

    const store = SqliteStore.open(file, { now: () => 'today' });
    expect(store.schemaVersions().map((v) => [v.version, v.appliedAt])).toEqual([[1, 'long ago'], [2, 'long ago'], [3, 'today'], [4, 'today'], [5, 'today'], [6, 'today']]);
    // the close made before seals existed is sealed by migration 4, and verifies
    expect(store.closedPeriods('p')).toEqual([expect.objectContaining({ period: '2025-03', runsThrough: 1, lineCount: 1, seal: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(SettlementBook.over(store).verify()).toMatchObject({ ok: true, verified: 1 });
    expect(store.ledger('p')).toEqual([
      { id: 'p/A/2025-03/refund', period: '2025-03', payeeId: 'A', rule: 'refund', kind: 'refund', amount: '10.00', returnsSources: ['2025-Q1'] },
      { id: 'p/A/2025-04/refund@2025-03', period: '2025-04', payeeId: 'A', rule: 'refund', kind: 'refund', amount: '-1.00',
        adjusts: { lineId: 'p/A/2025-03/refund', period: '2025-03' }, returnsSources: ['2025-Q1', '2024-Q4'] },
    ]);
    store.shutdown();
    expect(objects(file)).toEqual(expect.arrayContaining(['trigger lines_closed_update_old', 'trigger lines_closed_update_new']));
    const after = new Database(file);
    expect(() => after.prepare("UPDATE lines SET amount = '0.00' WHERE period = '2025-03'").run()).toThrow(/period is closed/);
    after.close();
  });
});
