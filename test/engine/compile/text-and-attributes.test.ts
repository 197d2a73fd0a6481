// Payee attributes, text facts and transaction fields: readable in conditions (json-rules-engine's
// operators on text), expressions and map lookups by a key read from data; a data value a rule
// cannot use is reported at its row, not in the policy.
import { describe, expect, it } from 'vitest';
import { loadPolicy, RatecardError, readDataset, settle, formatDiagnostic } from '../../../engine/index.js';
import { policyErrors, settleText } from '../../fixtures/scenario.js';

const POLICY = `id: text
name: Text
version: 1
applies_to: { channel_type: [rural_contract] }
attributes:
  region: { type: text }
  grade: { type: text }
facts:
  product: { type: text }
  units: { type: count }
params:
  price: { type: map, of: money, value: { mobile: 10, broadband: 30 } }
  grade_bonus: { type: map, of: money, value: { A: 100, B: 50 } }
rules:
  - id: sales
    kind: commission
    when: { all: [{ fact: product, operator: in, value: [mobile, broadband] }] }
    amount: price[product] * units
  - id: northern
    kind: bonus
    when:
      all:
        - { fact: region, operator: equal, value: north }
        - { fact: grade, operator: notIn, value: [C] }
    amount: grade_bonus[grade]
  - id: not_tv
    kind: bonus
    when: { not: { fact: product, operator: equal, value: tv } }
    amount: if(region == "north", 1, 2)
`;
const PAYEES = 'payee_id,channel_type,region,grade\nW01,rural_contract,north,A\nW02,rural_contract,south,C\n';

describe('text values', () => {
  const s = settleText(POLICY, 'period,payee_id,product,units\n2025-01,W01,broadband,3\n2025-01,W02,tv,5\n', { payeesCsv: PAYEES });
  const lines = s.lines.map((l) => `${l.payeeId} ${l.line} ${l.amount}`);

  it('looks a map up by a text key read from data, and shows the element it used', () => {
    expect(lines).toContain('W01 sales 90.00');
    const sales = s.lines.find((l) => l.line === 'sales')!;
    expect(sales.trace.formula?.substituted).toBe('(price[broadband] = 30) * 3');
  });

  it('compares text with equal, in, notIn and not, as json-rules-engine does', () => {
    expect(lines).toEqual(['W01 sales 90.00', 'W01 northern 100.00', 'W01 not_tv 1.00']);
    expect(s.lines.find((l) => l.line === 'northern')!.explanation).toContain('region north = north');
  });

  it('reports a key that is not in the map at the data row that holds it', () => {
    const loaded = loadPolicy({ file: 'p.yaml', text: POLICY.replace('    when: { all: [{ fact: product, operator: in, value: [mobile, broadband] }] }\n', '') });
    if (!loaded.ok) throw new Error('policy');
    const data = readDataset({ payees: { file: 'payees.csv', text: PAYEES }, facts: { file: 'facts.csv', text: 'period,payee_id,product,units\n2025-01,W01,iptv,3\n2025-01,W02,mobile,5\n' } }, loaded.policy);
    if (!data.ok) throw new Error('data');
    try {
      settle(loaded.policy, data.dataset);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RatecardError);
      expect((e as RatecardError).diagnostics.map(formatDiagnostic)).toEqual([
        'facts.csv:2:1 product: unknown key `iptv` in `price`, expected one of `mobile`, `broadband`, needed by rule `sales` for payee `W01` in 2025-01',
      ]);
    }
  });

  it('reads payees.csv columns the policy declares, and says when one is missing', () => {
    const loaded = loadPolicy({ file: 'p.yaml', text: POLICY });
    if (!loaded.ok) throw new Error('policy');
    const data = readDataset({ payees: { file: 'payees.csv', text: 'payee_id,channel_type,region\nW01,rural_contract,north\n' }, facts: { file: 'facts.csv', text: 'period,payee_id,product,units\n' } }, loaded.policy);
    expect(data.ok ? [] : data.diagnostics.map(formatDiagnostic)).toEqual([
      'payees.csv:1:1 grade: missing column `grade` read by the policy; the header has `payee_id`, `channel_type`, `region`',
    ]);
  });

  it('type-checks text against numbers', () => {
    expect(policyErrors(POLICY.replace('amount: price[product] * units', 'amount: price[units] * units'))).toEqual([
      expect.stringContaining('the key of a map must be a string, got a number'),
    ]);
    expect(policyErrors(POLICY.replace('amount: grade_bonus[grade]', 'amount: grade_bonus[grade] + region'))).toEqual([
      expect.stringContaining('the right side of `+` must be a number, got a string'),
    ]);
  });
});

describe('names as the data files have them', () => {
  it('reads a fact named with capitals and a hyphen in conditions, as json-rules-engine does', () => {
    const s = settleText(`id: h
name: H
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  Fee-Rate: { type: rate }
rules:
  - id: a
    kind: bonus
    when: { all: [{ fact: Fee-Rate, operator: greaterThanInclusive, value: 0.98 }] }
    amount: 10
`, 'period,payee_id,Fee-Rate\n2025-01,W01,0.99\n2025-02,W01,0.5\n');
    expect(s.lines.map((l) => `${l.period} ${l.explanation}`)).toEqual(['2025-01 a = 10 = 10 = 10 → 10.00; because Fee-Rate 0.99 ≥ 0.98']);
  });
});

describe('small gaps', () => {
  const WINDOWS = `id: windows
name: Windows
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  sales: { type: money }
metrics:
  last_quarter: sum(sales, previous_quarter)
  trailing: avg(sales, last_3_months)
rules:
  - id: q
    kind: bonus
    amount: round(last_quarter / 7, 1)
  - id: t
    kind: bonus
    amount: trailing
  - id: m
    kind: bonus
    when: { all: [{ fact: period_month, operator: equal, value: 4 }] }
    amount: 1
`;
  const facts = ['period,payee_id,sales', ...Array.from({ length: 15 }, (_, i) => `${2024 + Math.floor((i + 9) / 12)}-${String(((i + 9) % 12) + 1).padStart(2, '0')},W01,${(i + 1) * 10}`)].join('\n');
  // sales: 2024-10 10, 11 20, 12 30, 2025-01 40, 02 50, 03 60, 04 70, …
  const s = settleText(WINDOWS, facts, { from: '2025-01', to: '2025-04' });
  const of = (line: string) => s.lines.filter((l) => l.line === line).map((l) => `${l.period} ${l.amount}`);

  it('reads the previous quarter across the year, rounds with round(x, places)', () => {
    // January–March read Q4 2024: 60 / 7 = 8.571… → 8.6; April reads Q1: 150 / 7 = 21.428… → 21.4
    expect(of('q')).toEqual(['2025-01 8.60', '2025-02 8.60', '2025-03 8.60', '2025-04 21.40']);
  });

  it('averages the trailing months, this one included', () => {
    // Jan: (20 + 30 + 40) / 3 = 30; Feb: 40; Mar: 50; Apr: 60
    expect(of('t')).toEqual(['2025-01 30.00', '2025-02 40.00', '2025-03 50.00', '2025-04 60.00']);
  });

  it('knows the month of the year', () => {
    expect(of('m')).toEqual(['2025-04 1.00']);
  });

  it('compares a month fact with the month being settled', () => {
    const out = settleText(`id: m
name: M
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  contract_end: { type: month }
metrics:
  expired: contract_end < this_month
rules:
  - id: a
    kind: bonus
    when: { all: [{ fact: expired, operator: equal, value: false }] }
    amount: 10
`, 'period,payee_id,contract_end\n2025-01,W01,2025-02\n2025-02,W01,2025-02\n2025-03,W01,2025-02\n');
    expect(out.lines.map((l) => l.period)).toEqual(['2025-01', '2025-02']);
  });

  it('compares a month fact with a written month, and shows months as months', () => {
    const out = settleText(`id: m
name: M
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  contract_end: { type: month }
rules:
  - id: a
    kind: bonus
    gate: { all: [{ name: ends in February, fact: contract_end, operator: equal, value: 2025-02 }] }
    amount: 10
`, 'period,payee_id,contract_end\n2025-01,W01,2025-02\n2025-02,W01,2025-03\n');
    expect(out.lines.map((l) => `${l.period} ${l.explanation}`)).toEqual(['2025-01 a = 10 = 10 = 10 → 10.00; because ends in February: contract_end 2025-02 = 2025-02']);
    expect(out.withheld.map((w) => w.reason)).toEqual(['withheld: ends in February: contract_end 2025-03 = 2025-02 is not met']);
  });

  it('checks a written map key when the policy loads, and says why a hyphenated name cannot be computed with', () => {
    expect(policyErrors(POLICY.replace('amount: price[product] * units', 'amount: price["tv"] * units'))).toEqual([
      expect.stringContaining('unknown key `tv`, expected one of `mobile`, `broadband`'),
    ]);
    expect(policyErrors(POLICY.replace('  units: { type: count }', '  units: { type: count }\n  Fee-Rate: { type: rate }').replace('amount: grade_bonus[grade]', 'amount: Fee-Rate * 100'))).toEqual([
      expect.stringContaining('`Fee-Rate` has a `-` in its name, which an expression reads as a minus'),
      expect.stringContaining('unknown name `Rate`'),
    ]);
  });

  it('pays marginal bands scaled by a per-payee base: the excess over a target shared 20 / 30 / 40 %', () => {
    const policy = `id: excess
name: Excess
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  target: { type: money }
  actual: { type: money }
params:
  shares:
    type: tiers
    columns: { min: ratio, max: ratio, share: rate }
    value:
      - { min: 1.0, max: 1.1, share: 0.20 }
      - { min: 1.1, max: 1.2, share: 0.30 }
      - { min: 1.2, share: 0.40 }
rules:
  - id: excess
    kind: bonus
    amount: { tier: { table: shares, value: actual, mode: marginal, rate: share, base: target } }
`;
    // target 100,000, actual 125,000: 0.2 × 10,000 + 0.3 × 10,000 + 0.4 × 5,000 = 7,000;
    // target 60,000, actual 80,000: 0.2 × 6,000 + 0.3 × 6,000 + 0.4 × 8,000 = 6,200; below target: nothing
    const out = settleText(policy, 'period,payee_id,target,actual\n2025-01,W01,100000,125000\n2025-02,W01,60000,80000\n2025-03,W01,60000,59000\n');
    expect(out.lines.map((l) => `${l.period} ${l.amount}`)).toEqual(['2025-01 7000.00', '2025-02 6200.00']);
  });

  it('rejects every key a primitive or mode does not read, at its line', () => {
    expect(policyErrors(`id: t
name: T
version: 1
applies_to: { channel_type: [rural_contract] }
facts:
  v: { type: number }
params:
  awards: { type: tiers, columns: { min: number, award: money }, value: [{ min: 1, award: 10 }] }
rules:
  - id: a
    kind: bonus
    round: each
    amount: { tier: { table: awards, value: v, pay: award, base: v } }
`)).toEqual([
      'inline.yaml:12:12 rules[0].round: `round` works only with `for_each: transactions`',
      'inline.yaml:13:66 rules[0].amount.tier.base: a reached tier that pays `award` reads neither `rate` nor `base`: remove `base`',
    ]);
  });
});
