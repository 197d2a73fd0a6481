// The bench's datasets on disk (bench/.data/, gitignored), generated once per seed and size.
import { join } from 'node:path';
import { LINE_FACTS_HEADER, LINE_PAYEES_HEADER, LINE_TX_HEADER, privateLineRows } from './private-line-data.js';
import { RURAL_FACTS_HEADER, RURAL_PAYEES_HEADER, ruralRows } from './rural-data.js';
import { DATA_DIR, writeDataset } from './write-data.js';

export interface Files { payees: string; facts: string; transactions?: string }

export function ruralFiles(seed: number, payees: number): Files {
  const paths = writeDataset(`rural-${payees}`, `rural v1 seed ${seed} payees ${payees}`, payees,
    { payees: RURAL_PAYEES_HEADER, facts: RURAL_FACTS_HEADER }, (from, to) => ruralRows(seed, from, to));
  return { payees: paths.payees, facts: paths.facts };
}

export function privateLineFiles(seed: number, branches: number, transactions: number): Files {
  const paths = writeDataset(`private-line-${branches}-${transactions}`, `private-line v1 seed ${seed} branches ${branches} transactions ${transactions}`, branches,
    { payees: LINE_PAYEES_HEADER, facts: LINE_FACTS_HEADER, transactions: LINE_TX_HEADER },
    (from, to) => privateLineRows(seed, from, to, branches, transactions));
  return { payees: paths.payees, facts: paths.facts, transactions: paths.transactions };
}

export const outFile = (name: string) => join(DATA_DIR, `${name}-statement.csv`);
