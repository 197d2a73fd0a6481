// A line explained when read: its sentence is written from the integers it kept in the run's
// pool, on each read the same; as JSON it has a plain line's keys in a plain line's order; a
// spread drops the accessor, which `plainLine` keeps; reading lines after the pool has grown
// (many lines later) gives each its own sentence.
import { describe, expect, it } from 'vitest';
import { plainLine, settle } from '../../../engine/index.js';
import { ExplainedLine } from '../../../engine/evaluate/explained-line.js';
import { folderDataset, policyOf } from '../../fixtures/scenario.js';

describe('a line explained when read', () => {
  const policy = policyOf('rural-contract');
  const dataset = folderDataset(policy, 'data/scenarios/rural-contract');
  const explained = settle(policy, dataset, { detail: 'explanation' }).lines;
  const traced = settle(policy, dataset, { detail: 'trace' }).lines;

  it('is made for the lines generated code computes, and reads as the traced line\'s sentence', () => {
    const whenRead = explained.filter((l) => l instanceof ExplainedLine);
    // every formula rule of rural-contract; its refunds are explained from their traces
    expect(whenRead.length).toBeGreaterThan(explained.length / 2);
    expect(explained.filter((l) => !(l instanceof ExplainedLine)).every((l) => l.line === 'refund')).toBe(true);
    expect(explained.map((l) => l.explanation)).toEqual(traced.map((l) => l.explanation));
    // read again, from the last line back (the pool grew after the first lines were kept)
    expect([...explained].reverse().map((l) => l.explanation)).toEqual([...traced].reverse().map((l) => l.explanation));
  });

  it('writes JSON with a plain line\'s keys in order, and keeps its explanation through plainLine', () => {
    const line = explained.find((l) => l instanceof ExplainedLine)!;
    const json = JSON.parse(JSON.stringify(line));
    expect(Object.keys(json)).toEqual(['id', 'period', 'payeeId', 'policy', 'line', 'kind', 'amount', 'explanation', 'trace']);
    expect(json.explanation).toBe(line.explanation);
    expect(({ ...line } as Partial<typeof line>).explanation).toBeUndefined();
    expect({ ...plainLine(line) }.explanation).toBe(line.explanation);
    expect(Object.keys(plainLine(line))).toEqual(Object.keys(json));
  });
});
