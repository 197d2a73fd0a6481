// sha256 of a run's input tables as given (payees, facts, transactions): two runs with the same
// hash read the same data.
import { createHash } from 'node:crypto';
import type { DatasetInput, TableSource } from '../engine/index.js';

export function factsHash(dataset: DatasetInput): string {
  const hash = createHash('sha256');
  const add = (name: string, table: TableSource | undefined) => {
    hash.update(`${name}\u0000`);
    if (table) hash.update('text' in table ? table.text : JSON.stringify(table.rows));
    hash.update('\u0000');
  };
  add('payees', dataset.payees);
  add('facts', dataset.facts);
  add('transactions', dataset.transactions);
  return hash.digest('hex');
}
