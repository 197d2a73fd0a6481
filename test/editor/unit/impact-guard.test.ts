import { describe, expect, it } from 'vitest';
import { totalsOf } from '../../../engine/index.js';
import { largestChanges, needsConfirmation, saveImpact } from '../../../editor/src/save/impact-guard.js';
import type { PreviewImpact } from '../../../editor/src/worker/protocol.js';

const payee = (payeeId: string, delta: string) => ({ payeeId, before: '100.00', after: '0', delta });
const impactWith = (total: string, payees = [payee('A', total)]): PreviewImpact => {
  const zero = totalsOf([]);
  return { before: zero, after: zero, delta: { ...zero, total }, payees, gainers: [], losers: [], changedLines: payees.length };
};

describe('the guard on money', () => {
  it('ranks payees by the size of their change, losses and gains alike, without the unchanged', () => {
    const rows = [payee('A', '10.00'), payee('B', '-250.00'), payee('C', '0.00'), payee('D', '249.99'), payee('E', '-10.00')];
    expect(largestChanges(rows, 3).map((p) => p.payeeId)).toEqual(['B', 'D', 'A']);
    expect(largestChanges(rows).map((p) => p.payeeId)).toEqual(['B', 'D', 'A', 'E']);
  });

  it('asks for confirmation only above the threshold, exactly', () => {
    expect(needsConfirmation(impactWith('10000.00'), '10000')).toBe(false);
    expect(needsConfirmation(impactWith('10000.01'), '10000')).toBe(true);
    expect(needsConfirmation(impactWith('-10000.01'), '10000')).toBe(true);
    expect(needsConfirmation(impactWith('0.01'), '0')).toBe(true);
    expect(needsConfirmation(impactWith('0.00'), '0')).toBe(false);
  });

  it('records what was confirmed and where', () => {
    const saved = saveImpact(impactWith('-2346244.69'), '10000', { dataset: 'rural-contract', from: '2025-01', to: '2025-12' });
    expect(saved).toMatchObject({ confirmed: true, threshold: '10000', dataset: 'rural-contract', largest: [{ payeeId: 'A', delta: '-2346244.69' }] });
    expect(saveImpact(impactWith('5.00'), '10000', {}).confirmed).toBe(false);
  });
});
