import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exact, loadPolicy, type ParamInfo, type ParamValue } from '../../../engine/index.js';
import { paramsFromText } from '../../../editor/src/form/values-from-text.js';
import { setYamlValue } from '../../../editor/src/form/yaml-rewrite.js';

const rural = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
const postal = readFileSync(new URL('../../../policies/postal-agency.yaml', import.meta.url), 'utf8');
const paramsOf = (text: string): ParamInfo[] => {
  const loaded = loadPolicy({ file: 'p.yaml', text });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.policy.params;
};
/** Decimals as the engine prints them (`1.50` → `1.5`). */
const canon = (v: ParamValue): ParamValue =>
  typeof v === 'string' ? Exact.parse(v).toString() : Array.isArray(v) ? v.map(canon) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canon(x)]));
const valueIn = (params: ParamInfo[], name: string) => params.find((p) => p.name === name)!.value;

describe('form values from the text as it is now', () => {
  it('means the engine\'s values for every bundled parameter, written as in the text', () => {
    for (const text of [rural, postal]) {
      const read = paramsFromText(paramsOf(text), text);
      expect(read.map((p) => ({ ...p, value: canon(p.value) }))).toEqual(paramsOf(text));
    }
    expect(valueIn(paramsFromText(paramsOf(rural), rural), 'maintenance_price')).toBe('1.50');
  });

  it('follows the text at once, before any worker answers, with the decimals as written', () => {
    const outline = paramsOf(rural);
    const edited = setYamlValue(rural, ['params', 'maintenance_price', 'value'], '1.80');
    expect(valueIn(paramsFromText(outline, edited), 'maintenance_price')).toBe('1.80');
    const schedule = setYamlValue(rural, ['params', 'refund_schedule', 'value', '6', 'Q1'], '0.750');
    expect((valueIn(paramsFromText(outline, schedule), 'refund_schedule') as Record<string, Record<string, string>>)['6'].Q1).toBe('0.750');
  });

  it('keeps the last valid values while the text does not parse', () => {
    const outline = paramsOf(rural);
    expect(paramsFromText(outline, rural + '\n  bad: [\n')).toBe(outline);
  });
});
