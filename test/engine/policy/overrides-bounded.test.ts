// A parameter file of thousands of unknown names costs work in proportion to its size: each
// name is located without scanning the others, "did you mean" is skipped for names too long to
// be a typo, and "expected one of" lists a dozen names, not all of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validatePolicy } from '../../../engine/index.js';

const rural = readFileSync('policies/rural-contract.yaml', 'utf8');
const validate = (overrides: string) =>
  validatePolicy({ file: 'p.yaml', text: rural }, { overrides: { file: 'o.yaml', text: overrides } }).map(formatDiagnostic);
const EXPECTED = 'expected one of `maintenance_price`, `new_line_price`, `broadband_price`, `install_price`, `step`, `step_rate`, `max_deduction`, `max_ratio`, `fee_rate`, `fee_gate`, `buyout_rate`, `refund_schedule` and 1 more';

describe('overrides with very many or very long unknown names', () => {
  it('reports each of 5,000 unknown names at its own line', () => {
    const names = Array.from({ length: 5_000 }, (_, i) => `unknown_parameter_${String(i).padStart(5, '0')}_${'x'.repeat(24)}`);
    const messages = validate(names.map((n) => `${n}: 1\n`).join(''));
    expect(messages).toHaveLength(5_000);
    expect(messages[0]).toBe(`o.yaml:1:1 ${names[0]}: unknown parameter \`${names[0]}\`, ${EXPECTED}`);
    expect(messages[4_999]).toBe(`o.yaml:5000:1 ${names[4_999]}: unknown parameter \`${names[4_999]}\`, ${EXPECTED}`);
  });

  it('suggests a near name, but not for a name too long to be a typo', () => {
    expect(validate('step_ratee: 0.02\n')).toEqual(['o.yaml:1:1 step_ratee: unknown parameter `step_ratee`; did you mean `step_rate`?']);
    const long = 'step_rate' + '_'.repeat(100);
    expect(validate(`${long}: 0.02\n`)).toEqual([`o.yaml:1:1 ${long}: unknown parameter \`${long}\`, ${EXPECTED}`]);
  });
});
