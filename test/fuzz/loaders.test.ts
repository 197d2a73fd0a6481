// Fuzzing the loaders with a fixed seed and a bounded number of runs: mutated bundled policies,
// random YAML, the policies as JSON with random values, mutated overrides and mutated CSV.
// Whatever the input, the engine answers with located diagnostics (file, line, column, field,
// message) or a result, never a thrown exception; a policy that loads settles its scenario or
// reports a located error (a RatecardError), never anything else.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompiledPolicy, type DatasetInput, loadPolicy, RatecardError, readDataset, settle, validatePolicy } from '../../engine/index.js';
import { parse as parseYaml } from 'yaml';
import { SCENARIOS } from '../fixtures/scenario.js';
import { expectLocated, mutate, mutations, NASTY, randomYaml } from './mutations.js';

// CI runs a fixed seed and a small budget; FUZZ_SEED and FUZZ_RUNS explore further by hand
const SEED = Number(process.env.FUZZ_SEED ?? 20251202);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const settings = (numRuns = 60) => ({ seed: SEED, numRuns: Math.round(numRuns * SCALE), endOnFailure: true });

const policyText = Object.fromEntries(SCENARIOS.map((s) => [s, readFileSync(`policies/${s}.yaml`, 'utf8')]));
const dataText = (s: string, file: string) => {
  try { return readFileSync(`data/scenarios/${s}/${file}`, 'utf8'); } catch { return undefined; }
};
const inputOf = (s: string, replace: Partial<Record<'payees' | 'facts' | 'transactions', string>> = {}): DatasetInput => {
  const table = (name: 'payees' | 'facts' | 'transactions') => {
    const text = replace[name] ?? dataText(s, `${name}.csv`);
    return text === undefined ? undefined : { file: `${name}.csv`, text };
  };
  return { payees: table('payees')!, facts: table('facts')!, transactions: table('transactions') };
};
const DATA_FILES = ['payees.csv', 'facts.csv', 'transactions.csv', '(csv)'];

/** Loads (and, when it loads, settles over the scenario's data): every failure located. */
function check(s: string, policy: string, overrides?: string, data: DatasetInput = inputOf(s)) {
  const files = ['policy.yaml', 'overrides.yaml'];
  const loaded = loadPolicy({ file: 'policy.yaml', text: policy }, overrides === undefined ? {} : { overrides: { file: 'overrides.yaml', text: overrides } });
  if (!loaded.ok) {
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expectLocated(loaded.diagnostics, files);
    return;
  }
  expectLocated(loaded.warnings, files);
  settleOrLocated(loaded.policy, data);
}

function settleOrLocated(policy: CompiledPolicy, data: DatasetInput) {
  try {
    const read = readDataset(data, policy);
    if (!read.ok) { expectLocated(read.diagnostics, DATA_FILES); return; }
    settle(policy, read.dataset);
  } catch (e) {
    if (!(e instanceof RatecardError)) throw e;
    expectLocated(e.diagnostics, ['policy.yaml', 'overrides.yaml', '(options)', ...DATA_FILES]);
  }
}

const scenario = fc.constantFrom(...SCENARIOS);

/** The bundled policies, loaded. */
const bundled = () => Object.fromEntries(SCENARIOS.map((s) => {
  const loaded = loadPolicy({ file: 'policy.yaml', text: policyText[s] });
  if (!loaded.ok) throw new Error(`${s} does not load`);
  return [s, loaded.policy];
}));

describe('fuzzing the loaders (fixed seed, bounded runs)', () => {
  it('mutated bundled policies: located diagnostics or a statement', () => {
    fc.assert(fc.property(scenario, mutations, (s, m) => { check(s, mutate(policyText[s], m)); }), settings());
  });

  it('random YAML: located diagnostics, never a throw', () => {
    fc.assert(fc.property(randomYaml, (text) => {
      const diagnostics = validatePolicy({ file: 'policy.yaml', text });
      expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
      expectLocated(diagnostics, ['policy.yaml']);
    }), settings(300));
  });

  it('the policies as JSON, with random values anywhere: located diagnostics or a statement', () => {
    const json = Object.fromEntries(SCENARIOS.map((s) => [s, parseYaml(policyText[s]) as unknown]));
    fc.assert(fc.property(scenario, fc.nat(), fc.jsonValue({ maxDepth: 3 }), mutations, fc.boolean(), (s, at, value, m, textual) => {
      const doc = structuredClone(json[s]);
      replaceNode(doc, at, value);
      const text = JSON.stringify(doc, null, 1);
      check(s, textual ? mutate(text, m) : text);
    }), settings());
  });

  it('mutated and random overrides: located diagnostics or a statement', () => {
    // each policy's scalar parameters at their own values: a valid overrides file to mutate
    const policies = bundled();
    const overrides = Object.fromEntries(SCENARIOS.map((s) => [s, policies[s].params
      .filter((p) => typeof p.value === 'string').map((p) => `${p.name}: ${p.value as string}\n`).join('') || '{}\n']));
    fc.assert(fc.property(scenario, fc.oneof(mutations.map((m) => ({ m })), randomYaml.map((text) => ({ text }))), (s, o) => {
      check(s, policyText[s], 'text' in o ? o.text : mutate(overrides[s], o.m));
    }), settings());
  });

  it('mutated payees, facts and transactions: located diagnostics or a statement', () => {
    const policies = bundled();
    const table = fc.constantFrom('payees' as const, 'facts' as const, 'transactions' as const);
    fc.assert(fc.property(scenario, table, mutations, (s, name, m) => {
      const text = dataText(s, `${name}.csv`);
      if (text === undefined) return;
      settleOrLocated(policies[s], inputOf(s, { [name]: mutate(text, m) }));
    }), settings());
  });

  it('random cells in spreadsheet rows (as read from .xlsx) and random CSV text: located diagnostics or a statement', () => {
    const policies = bundled();
    const cell = fc.oneof(fc.constantFrom(...NASTY, '', ' ', '2025-01', '2025-13', 'R01', 'rural_contract', '0', '-1', '1e5'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(scenario, fc.constantFrom('payees' as const, 'facts' as const), fc.nat(), fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }), fc.boolean(), (s, name, at, extra, asCsv) => {
      const rows = (dataText(s, `${name}.csv`) ?? '').split('\n').filter(Boolean).map((l) => l.split(','));
      rows.splice(rows.length ? at % rows.length : 0, 0, ...extra);
      const table = asCsv ? { file: `${name}.csv`, text: rows.map((r) => r.join(',')).join('\n') } : { file: `${name}.csv`, rows };
      settleOrLocated(policies[s], { ...inputOf(s), [name]: table });
    }), settings());
  });
});

/** Replaces the `at`-th node (in document order, modulo the count) of a JSON tree by `value`. */
function replaceNode(root: unknown, at: number, value: unknown): void {
  const slots: [Record<string | number, unknown>, string | number][] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      const k = Array.isArray(node) ? Number(key) : key;
      slots.push([node as Record<string | number, unknown>, k]);
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(root);
  if (!slots.length) return;
  const [parent, key] = slots[at % slots.length];
  parent[key] = value;
}
