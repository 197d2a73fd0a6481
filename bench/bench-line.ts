// One statement line as the implementations compare them: to the cent, line by line.
import { createHash } from 'node:crypto';

export interface BenchLine { period: string; payeeId: string; line: string; amount: string }

/** A run's lines keyed `period/payee/line` → amount; a duplicate key is kept as a difference of its own. */
export interface Keyed { amounts: Map<string, string>; duplicates: number }

export function keyed(lines: readonly BenchLine[]): Keyed {
  const amounts = new Map<string, string>();
  for (const l of lines) amounts.set(`${l.period}/${l.payeeId}/${l.line}`, l.amount);
  return { amounts, duplicates: lines.length - amounts.size };
}

/** A run's lines in little memory: their count and a digest of `period/payee/line=amount`, sorted. */
export interface Fingerprint { count: number; digest: string }

export function fingerprint(lines: readonly BenchLine[]): Fingerprint {
  const texts = lines.map((l) => `${l.period}/${l.payeeId}/${l.line}=${l.amount}`).sort();
  return { count: lines.length, digest: createHash('sha256').update(texts.join('\n')).digest('hex') };
}

/** The first few differences between two runs, as text; empty when they agree. */
export function differencesOf(x: Keyed, y: Keyed, names: [string, string]): string[] {
  const out: string[] = [];
  for (const [k, v] of x.amounts) if (y.amounts.get(k) !== v) out.push(`${k}: ${names[0]} ${v}, ${names[1]} ${y.amounts.get(k) ?? '(no line)'}`);
  for (const [k, v] of y.amounts) if (!x.amounts.has(k)) out.push(`${k}: ${names[0]} (no line), ${names[1]} ${v}`);
  if (x.duplicates || y.duplicates) out.push('duplicate line keys');
  return out.slice(0, 10);
}

/** The first few differences between two sets of lines, as text; empty when they agree. */
export const differences = (a: readonly BenchLine[], b: readonly BenchLine[], names: [string, string]): string[] => differencesOf(keyed(a), keyed(b), names);

/** Statement lines as bench lines. */
export const benchLines = (lines: readonly BenchLine[]): BenchLine[] => lines.map((l) => ({ period: l.period, payeeId: l.payeeId, line: l.line, amount: l.amount }));
