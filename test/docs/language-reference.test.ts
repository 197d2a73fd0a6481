// Every page of the language reference (docs/language/*.md) is settled as written: each example
// (an HTML comment `<!-- example: NAME -->` followed by fenced blocks `yaml policy`, `yaml params`,
// `csv payees`, `csv facts`, `csv transactions`, `csv history`, `csv expected`, `csv withheld`,
// `csv unpaid`, `text error`) is loaded through the engine's public API and its statement must
// equal `csv expected` exactly, line for line and in order; `csv withheld` and `csv unpaid` (the
// rules that made no line, as `ratecard explain` lists them) likewise. An example that must fail
// gives `text error` instead: the formatted diagnostics, one a line, of whichever step stops it
// (loading the policy, reading the data or settling). `<!-- example: b extends=a from=2025-03
// to=2025-03 -->` reuses a's blocks where b gives none, and settles the range given.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatDiagnostic, type LedgerLine, type LineKind, loadPolicy, parseCsv, RatecardError, readDataset, settle, type SettleOptions,
} from '../../engine/index.js';

const DIR = 'docs/language';
const BLOCKS = [
  'yaml policy', 'yaml params', 'csv payees', 'csv facts', 'csv transactions', 'csv history',
  'csv expected', 'csv withheld', 'csv unpaid', 'text error',
] as const;
/** What an example expects: never inherited from the example it extends. */
const OWN: readonly Block[] = ['csv expected', 'csv withheld', 'csv unpaid', 'csv history', 'text error'];
type Block = (typeof BLOCKS)[number];

interface Example {
  page: string;
  name: string;
  line: number;
  options: Record<string, string>;
  blocks: Partial<Record<Block, string>>;
}

/** The examples of one page, in order; blocks belong to the example comment above them. */
function examplesOf(page: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split('\n');
  let current: Example | undefined;
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!--\s*example:\s*([\w-]+)((?:\s+\w+=[\w-]+)*)\s*-->\s*$/.exec(lines[i]);
    if (marker) {
      const options = Object.fromEntries([...marker[2].matchAll(/(\w+)=([\w-]+)/g)].map((m) => [m[1], m[2]]));
      examples.push((current = { page, name: marker[1], line: i + 1, options, blocks: {} }));
      continue;
    }
    const fence = /^```(\w+ \w+)\s*$/.exec(lines[i]);
    if (!fence || !current || !(BLOCKS as readonly string[]).includes(fence[1])) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    const block = fence[1] as Block;
    if (current.blocks[block] !== undefined) throw new Error(`${page}:${i + 1}: a second \`${block}\` block in example \`${current.name}\``);
    current.blocks[block] = body.join('\n') + '\n';
  }
  return examples;
}

/** The rows of a CSV block as objects by header. */
function rows(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}

function settleExample(example: Example, byName: Map<string, Example>) {
  const parent = example.options.extends ? byName.get(example.options.extends) : undefined;
  if (example.options.extends && !parent) throw new Error(`example \`${example.name}\` extends an unknown example \`${example.options.extends}\``);
  const block = (b: Block) => example.blocks[b] ?? (OWN.includes(b) ? undefined : parent?.blocks[b]);
  const policyText = block('yaml policy');
  if (!policyText) throw new Error(`example \`${example.name}\` has no \`yaml policy\` block`);
  const params = block('yaml params');
  const loaded = loadPolicy({ file: `${example.name}.yaml`, text: policyText }, { overrides: params ? { file: 'params.yaml', text: params } : undefined });
  if (!loaded.ok) throw new RatecardError(loaded.diagnostics);
  expect(loaded.warnings.map(formatDiagnostic)).toEqual([]);
  const payees = block('csv payees'), facts = block('csv facts'), transactions = block('csv transactions');
  if (!payees || !facts) throw new Error(`example \`${example.name}\` needs \`csv payees\` and \`csv facts\` blocks`);
  const read = readDataset({
    payees: { file: 'payees.csv', text: payees },
    facts: { file: 'facts.csv', text: facts },
    transactions: transactions ? { file: 'transactions.csv', text: transactions } : undefined,
  }, loaded.policy);
  if (!read.ok) throw new RatecardError(read.diagnostics);
  const options: SettleOptions = { from: example.options.from, to: example.options.to, unpaid: example.blocks['csv unpaid'] !== undefined };
  const history = block('csv history');
  if (history) {
    options.history = rows(history).map((r): LedgerLine => ({
      id: `${loaded.policy.id}/${r.payee_id}/${r.period}/${r.line}`, period: r.period, payeeId: r.payee_id, line: r.line,
      kind: r.kind as LineKind, amount: r.amount, returnsSources: r.returns ? r.returns.split(' ') : undefined,
    }));
  }
  return settle(loaded.policy, read.dataset, options);
}

const pages = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

describe('the language reference settles as written', () => {
  it('has the index and the eight concept pages', () => {
    expect(pages).toContain('README.md');
    expect(pages.length).toBeGreaterThanOrEqual(9);
  });
  const all = pages.flatMap((page) => examplesOf(page, readFileSync(join(DIR, page), 'utf8')));
  const byName = new Map(all.map((e) => [e.name, e]));
  it('gives every example a name of its own', () => {
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
  });
  for (const page of pages) {
    const examples = all.filter((e) => e.page === page);
    // an index without examples has nothing to run (an empty suite fails)
    if (page === 'README.md' && !examples.length) continue;
    describe(page, () => {
      if (page !== 'README.md') {
        it('has at least one runnable example', () => {
          expect(examples.length).toBeGreaterThan(0);
        });
      }
      for (const example of examples) {
        const error = example.blocks['text error'];
        if (error !== undefined) {
          it(`${example.name} (line ${example.line}) stops with its expected error`, () => {
            let diagnostics: string[] = [];
            try {
              settleExample(example, byName);
            } catch (e) {
              if (!(e instanceof RatecardError)) throw e;
              diagnostics = e.diagnostics.map(formatDiagnostic);
            }
            expect(diagnostics).toEqual(error.trimEnd().split('\n'));
          });
          continue;
        }
        it(`${example.name} (line ${example.line}) settles to its expected statement`, () => {
          const expected = example.blocks['csv expected'];
          if (expected === undefined) throw new Error(`example \`${example.name}\` has no \`csv expected\` block`);
          const statement = settleExample(example, byName);
          const got = statement.lines.map((l) => `${l.period},${l.payeeId},${l.line},${l.amount}`);
          expect(got).toEqual(rows(expected).map((r) => `${r.period},${r.payee_id},${r.line},${r.amount}`));
          const withheld = example.blocks['csv withheld'];
          if (withheld !== undefined) {
            expect(statement.withheld.map((w) => [w.period, w.payeeId, w.line, w.reason]))
              .toEqual(rows(withheld).map((r) => [r.period, r.payee_id, r.line, r.reason]));
          }
          const unpaid = example.blocks['csv unpaid'];
          if (unpaid !== undefined) {
            expect(statement.unpaid?.map((u) => [u.period, u.payeeId, u.line, u.reason]))
              .toEqual(rows(unpaid).map((r) => [r.period, r.payee_id, r.line, r.reason]));
          }
        });
      }
    });
  }
});
