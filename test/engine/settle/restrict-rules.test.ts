// A policy restricted to some rules (the editor's preview of an edit) makes the lines of those
// rules only, the same lines a full settle makes for them, in amounts detail where the month's
// generated function would otherwise run every rule it has.
import { describe, expect, it } from 'vitest';
import { restrictRules, settle, settleColumns, lineOf } from '../../../engine/index.js';
import { folderDataset, policyOf } from '../../fixtures/scenario.js';

describe('restrictRules', () => {
  const policy = policyOf('rural-contract');
  const dataset = folderDataset(policy, 'data/scenarios/rural-contract');
  const only = new Set(['maintenance', 'development', 'under_completion', 'refund']); // closed: under_completion reads the first two

  it('settles only the named rules, each line as the full settle makes it', () => {
    expect(policy.plan.month).toBeDefined();
    const full = settle(policy, dataset, { detail: 'amounts' }).lines.filter((l) => only.has(l.line));
    const restricted = settle(restrictRules(policy, only), dataset, { detail: 'amounts' }).lines;
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted).toEqual(full);
  });

  it('as columns too', () => {
    const full = settle(policy, dataset, { detail: 'amounts' }).lines.filter((l) => only.has(l.line)).map((l) => `${l.id} ${l.amount}`);
    const restricted = restrictRules(policy, only);
    const columns = settleColumns(restricted, dataset);
    const lines = Array.from({ length: columns.length }, (_, i) => lineOf(restricted, columns, i)).map((l) => `${l.id} ${l.amount}`);
    expect(lines).toEqual(full);
  });
});
