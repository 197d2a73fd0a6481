// The generated integer code against the reference closures: random policies from the
// language's primitives (formulas, percent_of, per_unit, step deductions with caps, tiers
// reached and marginal, when/gate with all/any/not/named conditions, min/max/round/floor/ceil,
// if, lines of earlier rules) on random data with boundaries on purpose (targets met exactly,
// steps and gates exactly, half cents, non-terminating ratios by 3 and 7, values near 2^53
// cents, zeros that divide), and the bundled policies on random data. Both paths must give
// identical statements — every line, amount, withheld item, reason and explanation — or the
// same error.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, formatDiagnostic, loadPolicy, readDataset, settle, type SettleOptions } from '../../../engine/index.js';
import { SCENARIOS, filesOf, readSource } from '../../fixtures/scenario.js';
import { mulberry32, randomData, randomPolicy } from './random-policy.js';

function outcome(policy: CompiledPolicy, dataset: Parameters<typeof settle>[1], options: SettleOptions): string {
  try {
    return JSON.stringify(settle(policy, dataset, options));
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function bothPaths(policy: CompiledPolicy, dataset: Parameters<typeof settle>[1], detail: SettleOptions['detail']) {
  return { integer: outcome(policy, dataset, { detail }), reference: outcome(policy, dataset, { detail, engine: 'reference' }) };
}

describe('generated integer code = reference closures', () => {
  it('on random policies and data with boundaries (amounts, explanation and trace detail)', () => {
    let generated = 0, errors = 0, perTransaction = 0, windowConditions = 0, windowNumbers = 0, ledgerSums = 0, inMonthFunction = 0;
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const r = mulberry32(seed);
      const text = randomPolicy(r);
      const loaded = loadPolicy({ file: 'random.yaml', text });
      if (!loaded.ok) throw new Error(`seed ${seed}: the random policy does not load:\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}\n${text}`);
      const policy = loaded.policy;
      generated += policy.plan.rules.filter((x) => x.integer?.amount).length;
      perTransaction += policy.plan.rules.filter((x) => x.amount.type === 'each' && x.integer?.amount).length;
      inMonthFunction += policy.plan.month?.whole.filter(Boolean).length ?? 0;
      windowConditions += policy.plan.rules.filter((x) => /(every|some)_\d+ = /.test(x.integer?.source?.join('\n') ?? '')).length;
      windowNumbers += policy.plan.rules.filter((x) => /let (sum|avg)_\w+ = 0, /.test(x.integer?.source?.join('\n') ?? '')).length;
      ledgerSums += policy.plan.rules.filter((x) => x.integer?.source?.join('\n').includes('H.ledgerUnits(')).length;
      const data = randomData(r, 6);
      const read = readDataset({
        payees: { file: 'payees.csv', text: data.payees }, facts: { file: 'facts.csv', text: data.facts },
        transactions: { file: 'transactions.csv', text: data.transactions },
      }, policy);
      if (!read.ok) throw new Error(`seed ${seed}: ${read.diagnostics.map(formatDiagnostic).join('\n')}`);
      for (const detail of ['amounts', 'explanation', 'trace'] as const) {
        const { integer, reference } = bothPaths(policy, read.dataset, detail);
        if (reference.startsWith('error')) errors++;
        expect(integer, `seed ${seed}, ${detail}:\n${text}`).toBe(reference);
      }
    }), { numRuns: 100, seed: 20251202 });
    // the property ran over generated code, not only over fallbacks, and over errors too
    expect(generated).toBeGreaterThan(100);
    expect(errors).toBeGreaterThan(0);
    expect(perTransaction).toBeGreaterThan(10);
    expect(windowConditions).toBeGreaterThan(10);
    expect(windowNumbers).toBeGreaterThan(10);
    expect(ledgerSums).toBeGreaterThan(10);
    // and over the month functions (amounts detail): most rules are in one
    expect(inMonthFunction).toBeGreaterThan(generated / 2);
  }, 300_000); // a limit for a loaded machine, not a timing assertion

  for (const name of SCENARIOS) {
    it(`on the bundled ${name} policy, its scenario data and that data scaled at random`, () => {
      const loaded = loadPolicy(readSource(`policies/${name}.yaml`));
      if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
      const policy = loaded.policy;
      const files = filesOf(`data/scenarios/${name}`);
      const text = (f: string | undefined) => (f ? readFileSync(f, 'utf8') : undefined);
      fc.assert(fc.property(fc.constantFrom('1', '3', '7', '0.5', '1.005', '0.333', '100'), fc.integer({ min: 0, max: 5 }), (factor, column) => {
        const facts = scaleColumn(text(files.facts)!, column + 2, factor);
        const input = {
          payees: { file: 'payees.csv', text: text(files.payees)! },
          facts: { file: 'facts.csv', text: facts },
          ...(files.transactions ? { transactions: { file: 'transactions.csv', text: text(files.transactions)! } } : {}),
        };
        const read = readDataset(input, policy);
        if (!read.ok) return; // a scaled count is no longer whole: not a dataset
        for (const detail of ['amounts', 'explanation'] as const) {
          const { integer, reference } = bothPaths(policy, read.dataset, detail);
          expect(integer, `${name}, column ${column + 2} × ${factor}, ${detail}`).toBe(reference);
        }
      }), { numRuns: 12, seed: 7 });
    }, 120_000);
  }
});

/** Multiplies one numeric column of a CSV by `factor` (exact decimal text, via integers). */
function scaleColumn(csv: string, column: number, factor: string): string {
  const [num, den] = decimal(factor);
  return csv.split('\n').map((line, i) => {
    if (i === 0 || !line) return line;
    const cells = line.split(',');
    if (column >= cells.length || !/^-?\d+(\.\d+)?$/.test(cells[column])) return line;
    const [n, d] = decimal(cells[column]);
    const value = n * num, scale = d * den; // exact: BigInt
    cells[column] = fixed(value, scale);
    return cells.join(',');
  }).join('\n');
}

const decimal = (t: string): [bigint, bigint] => {
  const [a, b = ''] = t.split('.');
  return [BigInt(a + b), 10n ** BigInt(b.length)];
};

const fixed = (n: bigint, d: bigint): string => {
  const places = d.toString().length - 1;
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(places + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - places)}${places ? '.' + digits.slice(digits.length - places) : ''}`;
};
