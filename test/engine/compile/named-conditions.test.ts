// The named-conditions pass: a named condition is compiled once, on first use, and shared (a
// mistake inside it is reported once, where it is written, however many rules use it); a cycle
// and an unknown name are reported where they are used, with the nearest known name.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadPolicy } from '../../../engine/index.js';

const POLICY = `id: named
name: Named
version: 1
applies_to: { channel_type: [shop] }
facts:
  score: { type: number }
conditions:
  loop_a: { all: [{ condition: loop_b }] }
  loop_b: { any: [{ condition: loop_a }] }
  broken: { fact: scroe, operator: greaterThan, value: 1 }
rules:
  - id: first
    kind: bonus
    when: { condition: loop_a }
    amount: 1
  - id: second
    kind: bonus
    when: { all: [{ condition: broken }, { condition: brokn }] }
    gate: { condition: broken }
    amount: 2
`;

describe('named conditions', () => {
  it('reports a cycle, a mistake inside a shared condition once, and an unknown name with a hint', () => {
    const loaded = loadPolicy({ file: 'named.yaml', text: POLICY });
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.diagnostics.map(formatDiagnostic)).toEqual([
      'named.yaml:9:32 conditions.loop_b.any[0].condition: conditions form a cycle through `loop_a`',
      'named.yaml:10:19 conditions.broken.fact: unknown name `scroe`: not a fact, param, metric or line of this policy; did you mean `score`?',
      'named.yaml:18:55 rules[1].when.all[1].condition: unknown condition `brokn`; did you mean `broken`?',
    ]);
  });
});

describe('a named condition no rule uses', () => {
  it('is checked all the same: its mistake is reported where it is written', () => {
    const text = `id: unused
name: Unused
version: 1
applies_to: { channel_type: [shop] }
facts:
  score: { type: number }
conditions:
  used: { fact: score, operator: greaterThan, value: 1 }
  spare: { fact: scroe, operator: greaterThan, value: 1 }
rules:
  - id: first
    kind: bonus
    when: { condition: used }
    amount: 1
`;
    const loaded = loadPolicy({ file: 'unused.yaml', text });
    expect(loaded.ok ? [] : loaded.diagnostics.map(formatDiagnostic)).toEqual([
      'unused.yaml:9:18 conditions.spare.fact: unknown name `scroe`: not a fact, param, metric or line of this policy; did you mean `score`?',
    ]);
  });
});
