// Reads one stored part back as a dataset table: rows with their original line numbers.
import { readFileSync } from 'node:fs';
import { parseCsv, type TableSource } from '../engine/index.js';
import type { PartitionedFile } from './partition.js';

export function readPart(p: PartitionedFile, index: number): TableSource {
  const rows: string[][] = [parseCsv(p.header)[0]?.cells ?? []];
  const lines: number[] = [1];
  const columns: number[][] = [[]];
  for (const stored of readFileSync(p.parts[index], 'utf8').split('\n')) {
    if (!stored) continue;
    const tab = stored.indexOf('\t');
    const record = parseCsv(stored.slice(tab + 1))[0];
    if (!record) continue;
    rows.push(record.cells);
    lines.push(Number(stored.slice(0, tab)));
    columns.push(record.columns ?? []);
  }
  return { file: p.file, rows, lines, columns };
}
