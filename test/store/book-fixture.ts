// Shared set-up for store tests: a synchronous settlement book on a real SQLite file in a fresh temp folder,
// and the rural-contract scenario's files as run requests.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AsyncSettlementBook } from '../../store/async-book.js';
import { type BookOptions, type RunRequest, SettlementBook } from '../../store/settlement-book.js';

export const RURAL = 'data/scenarios/rural-contract';
export const read = (file: string) => ({ file, text: readFileSync(file, 'utf8') });

export function tempBook(options: BookOptions = {}): { book: SettlementBook; file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ratecard-store-'));
  const file = join(dir, 'book.db');
  return { book: SettlementBook.open(file, options), file, dir };
}

/** A run of the rural-contract policy; `facts` may replace facts.csv's text. */
export function ruralRun(from: string, to = from, changes: { facts?: string; overrides?: string; policy?: string } = {}): RunRequest {
  return {
    policy: changes.policy ? { file: 'policies/rural-contract.yaml', text: changes.policy } : read('policies/rural-contract.yaml'),
    overrides: changes.overrides ? { file: 'overrides.yaml', text: changes.overrides } : undefined,
    dataset: {
      payees: read(`${RURAL}/payees.csv`),
      facts: changes.facts ? { file: `${RURAL}/facts.csv`, text: changes.facts } : read(`${RURAL}/facts.csv`),
    },
    from, to, startedBy: 'tester',
  };
}

export const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** Settles `year` month by month, closing each month after its run. */
export async function settleYearClosingMonthly(book: AsyncSettlementBook, year = 2025): Promise<void> {
  for (const m of months(year)) {
    await book.run(ruralRun(m));
    await book.close('rural-contract', m, 'tester');
  }
}

/** facts.csv with January 2025's rows repeated as January 2026. */
export function withNextJanuary(): string {
  const text = read(`${RURAL}/facts.csv`).text;
  const january = text.split('\n').filter((l) => l.startsWith('2025-01,')).map((l) => l.replace('2025-01', '2026-01'));
  return text.replace(/\n?$/, '\n') + january.join('\n') + '\n';
}
