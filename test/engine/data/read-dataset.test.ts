// readDataset turns CSV text (or rows already split, e.g. from .xlsx) into exact typed facts for
// one policy, and reports every problem of every file at once, each at its line and column.
import { describe, expect, it } from 'vitest';
import { type Diagnostic, type Exact, formatDiagnostic, readDataset } from '../../../engine/index.js';
import { policyOf } from '../../fixtures/scenario.js';

const policy = policyOf('service-center');
const HEADER = 'period,payee_id,revenue,cost,converted_contract_value,negative_list_violations,cross_assessment_score';
const payees = { file: 'payees.csv', text: 'payee_id,name,channel_type\nS01,"Center\nby the river",service_center\nS02,Center 2,service_center\nF01,Franchise,franchise_store\n' };

const errorsOf = (result: ReturnType<typeof readDataset>) => (result.ok ? [] : result.diagnostics.map(formatDiagnostic));

describe('readDataset', () => {
  it('reads exact values for the payees the policy applies to, in file order', () => {
    const result = readDataset({ payees, facts: { file: 'facts.csv', text: `${HEADER}\n2025-01,S02,0.1,0.2,3,0,99.5\n2025-01,S01,100,1,0,0,90\n2025-01,F01,x,x,x,x,x\n` } }, policy);
    if (!result.ok) throw new Error(errorsOf(result).join('\n'));
    const { dataset } = result;
    expect(dataset.payees.map((p) => p.payeeId)).toEqual(['S01', 'S02', 'F01']);
    expect(dataset.covered.map((p) => p.payeeId)).toEqual(['S01', 'S02']);
    expect(dataset.payees[0].name).toBe('Center\nby the river');
    // 0.1 + 0.2 stays exact; facts of payees outside the policy are not even checked
    const s02 = [...dataset.facts.get('S02')!.values()][0];
    expect((s02.values[0] as Exact).add(s02.values[1] as Exact).toString()).toBe('0.3');
    expect(s02.line).toBe(2);
    expect(dataset.facts.get('F01')?.size ?? 0).toBe(0);
  });

  it('reports the true line after a multi-line payee name', () => {
    const result = readDataset({ payees: { file: 'payees.csv', text: payees.text.replace('S02,Center 2,service_center', 'S02,Center 2,service_centre') }, facts: { file: 'facts.csv', text: `${HEADER}\n` } }, policy);
    expect(errorsOf(result)[0]).toMatch(/^payees\.csv:4:\d+ channel_type: unknown channel type `service_centre`/);
  });

  it('reports every problem of both files at once', () => {
    const result = readDataset({
      payees: { file: 'payees.csv', text: 'payee_id,name,channel_type\nS01,a,service_center\nS01,b,service_center\n,c,service_center\n' },
      facts: { file: 'facts.csv', text: `${HEADER}\n2025-01,S01,1,2,3,-1,90\n2025-13,S01,1,2,3,0,90\n2025-02,S01,1,2,3,0.5,ninety\n` },
    }, policy);
    expect(errorsOf(result)).toEqual([
      'payees.csv:3:1 payee_id: duplicate payee `S01`, first on line 2',
      'payees.csv:4:1 payee_id: missing payee id',
      'facts.csv:2:19 negative_list_violations: expected a whole number ≥ 0, got `-1`',
      'facts.csv:3:1 period: expected a month as YYYY-MM, got `2025-13`',
      'facts.csv:4:19 negative_list_violations: expected a whole number ≥ 0, got `0.5`',
      'facts.csv:4:23 cross_assessment_score: expected a number, got `ninety`',
    ]);
    expect((result as { diagnostics: Diagnostic[] }).diagnostics.every((d) => d.severity === 'error' && d.code.length > 0)).toBe(true);
  });

  it('reads rows already split, reporting the lines of the original file', () => {
    const result = readDataset({
      payees: { file: 'payees.xlsx', rows: [['payee_id', 'channel_type'], ['S01', 'service_center']], lines: [1, 2] },
      facts: { file: 'facts.xlsx', rows: [HEADER.split(','), ['2025-01', 'S01', '1', '2', '3', '0', 'n/a']], lines: [3, 7] },
    }, policy);
    expect(errorsOf(result)).toEqual(['facts.xlsx:7:7 cross_assessment_score: expected a number, got `n/a`']);
  });

  it('reports an empty file and a policy that pays no one', () => {
    expect(errorsOf(readDataset({ payees, facts: { file: 'facts.csv', text: '' } }, policy)))
      .toEqual(['facts.csv:1:1 the file is empty: expected a header row']);
    expect(errorsOf(readDataset({ payees: { file: 'p.csv', text: 'payee_id,channel_type\nF01,franchise_store\n' }, facts: { file: 'facts.csv', text: `${HEADER}\n` } }, policy)))
      .toEqual(['p.csv:1:1 channel_type: no payee has channel type `service_center`, so the policy pays no one']);
  });
});
