// One statement line as the three implementations compare them: to the cent, line by line.
export interface BenchLine { period: string; payeeId: string; line: string; amount: string }

/** Lines keyed `period/payee/line` → amount. */
export const keyed = (lines: readonly BenchLine[]) => new Map(lines.map((l) => [`${l.period}/${l.payeeId}/${l.line}`, l.amount]));

/** The first few differences between two sets of lines, as text; empty when they agree. */
export function differences(a: readonly BenchLine[], b: readonly BenchLine[], names: [string, string]): string[] {
  const x = keyed(a), y = keyed(b);
  const out: string[] = [];
  for (const [k, v] of x) if (y.get(k) !== v) out.push(`${k}: ${names[0]} ${v}, ${names[1]} ${y.get(k) ?? '(no line)'}`);
  for (const [k, v] of y) if (!x.has(k)) out.push(`${k}: ${names[0]} (no line), ${names[1]} ${v}`);
  if (x.size !== a.length || y.size !== b.length) out.push('duplicate line keys');
  return out.slice(0, 10);
}

/** Statement lines as bench lines. */
export const benchLines = (lines: readonly BenchLine[]): BenchLine[] => lines.map((l) => ({ period: l.period, payeeId: l.payeeId, line: l.line, amount: l.amount }));
