// A line outside trace detail makes its id when read: the same id, JSON and order as the
// traced line's, on every scenario; a spread drops the accessor, which plainLine keeps.
import { describe, expect, it } from 'vitest';
import { plainLine, settle } from '../../../engine/index.js';
import { SettledLine } from '../../../engine/evaluate/settled-line.js';
import { SCENARIOS, folderDataset, policyOf } from '../../fixtures/scenario.js';

describe('a line whose id is made when read', () => {
  for (const name of SCENARIOS) {
    it(`has the traced line's id and JSON keys on ${name}`, () => {
      const policy = policyOf(name);
      const dataset = folderDataset(policy, `data/scenarios/${name}`);
      const amounts = settle(policy, dataset, { detail: 'amounts' }).lines;
      const traced = settle(policy, dataset, { detail: 'trace' }).lines;
      expect(amounts.length).toBe(traced.length);
      expect(amounts.every((l) => l instanceof SettledLine)).toBe(true);
      expect(amounts.map((l) => l.id)).toEqual(traced.map((l) => l.id));
      expect(amounts.map((l) => Object.keys(JSON.parse(JSON.stringify(l))))).toEqual(traced.map((l) => Object.keys(l)));
      const first = amounts[0];
      expect(({ ...first } as Partial<typeof first>).id).toBeUndefined();
      expect(plainLine(first)).toEqual({ ...JSON.parse(JSON.stringify(first)), trace: first.trace });
    });
  }
});
