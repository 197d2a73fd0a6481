// Schema migrations: a new file gets every migration on first open, each recorded in
// schema_version; reopening applies nothing twice; an older file is brought up to date.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../store/migrations.js';
import { SettlementBook } from '../../store/settlement-book.js';

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
      'trigger closed_periods_no_delete', 'trigger closed_periods_no_update', 'index lines_period',
    ]));
  });

  it('apply nothing twice when the file is opened again', () => {
    const file = join(dir, 'again.db');
    SettlementBook.open(file, { now: () => 'first' }).shutdown();
    const book = SettlementBook.open(file, { now: () => 'second' });
    expect(book.schemaVersions().map((v) => v.appliedAt)).toEqual(MIGRATIONS.map(() => 'first'));
    book.shutdown();
  });

  it('bring a file at an older version up to date', () => {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0].sql);
    db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(1, MIGRATIONS[0].name, 'long ago');
    db.close();
    expect(objects(file).some((o) => o.startsWith('trigger'))).toBe(false);
    const book = SettlementBook.open(file, { now: () => 'today' });
    expect(book.schemaVersions().map((v) => [v.version, v.appliedAt])).toEqual([[1, 'long ago'], [2, 'today']]);
    book.shutdown();
    expect(objects(file)).toContain('trigger lines_closed_update_old');
  });
});
