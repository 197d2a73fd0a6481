// A version's changes in the words of its parameters, read from the two texts as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramChanges } from '../../../editor/src/save/param-changes.js';

const read = (name: string) => readFileSync(new URL(`../../../policies/${name}`, import.meta.url), 'utf8');

describe('parameter changes between two versions', () => {
  const rural = read('rural-contract.yaml');

  it('names a changed rate with both values as written, and nothing else changed', () => {
    const after = rural.replace('    value: 0.02\n', '    value: 0.030\n');
    expect(paramChanges(rural, after)).toEqual({ changes: [{ name: 'step_rate', at: [], type: 'rate', before: '0.02', after: '0.030' }], otherEdits: false });
  });

  it('tells other edits apart from numbers, and a reformatted number that is equal as text apart', () => {
    const described = rural.replace('description: share of the base deducted', 'description: the share of the base deducted');
    expect(paramChanges(rural, described)).toEqual({ changes: [], otherEdits: true });
    expect(paramChanges(rural, rural.replace('value: 1.50,', 'value: 1.5,')).changes).toEqual([{ name: 'maintenance_price', at: [], type: 'money', before: '1.50', after: '1.5' }]);
    expect(paramChanges(rural, rural)).toEqual({ changes: [], otherEdits: false });
  });

  it('finds a map key, a tier cell and an added row, each with its element type', () => {
    const postal = read('postal-agency.yaml');
    expect(paramChanges(postal, postal.replace('value: { mobile: 0.025,', 'value: { mobile: 0.0275,')).changes)
      .toEqual([{ name: 'card_rate', at: ['mobile'], type: 'rate', before: '0.025', after: '0.0275' }]);
    const piece = read('piece-rate.yaml');
    expect(paramChanges(piece, piece.replace('- { min: 1.00, award: 1000 }', '- { min: 1.00, award: 1200 }\n      - { min: 0.90, award: 500 }')).changes).toEqual([
      { name: 'award_tiers', at: ['2', 'award'], type: 'money', before: '1000', after: '1200' },
      { name: 'award_tiers', at: ['3', 'min'], type: 'ratio', after: '0.90' },
      { name: 'award_tiers', at: ['3', 'award'], type: 'money', after: '500' },
    ]);
  });

  it('lists a parameter added or removed with only the side it exists on', () => {
    const added = rural.replace('params:\n', 'params:\n  extra_fee: { type: money, value: 5 }\n');
    expect(paramChanges(rural, added)).toEqual({ changes: [{ name: 'extra_fee', at: [], type: 'money', after: '5' }], otherEdits: true });
    expect(paramChanges(added, rural).changes).toEqual([{ name: 'extra_fee', at: [], type: 'money', before: '5' }]);
  });
});
