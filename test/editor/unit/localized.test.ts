import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';
import { labelFor, localizeParam, paramLabelsFromText } from '../../../editor/src/form/localized.js';
import { paramLabel } from '../../../editor/src/form/param-label.js';

const rural = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
const labelled = rural.replace(
  '  step_rate:\n    type: rate\n',
  '  step_rate:\n    type: rate\n    labels:\n      zh-CN: { title: 阶梯扣减比例, description: 完成率每低一档扣减的比例, unit: 每档 }\n      en: { title: Step rate }\n',
);

describe('localized labels in the form', () => {
  it('reads the labels of each parameter from the text', () => {
    expect(labelled).not.toBe(rural);
    const labels = paramLabelsFromText(labelled);
    expect(labels.get('step_rate')).toEqual({ 'zh-CN': { title: '阶梯扣减比例', description: '完成率每低一档扣减的比例', unit: '每档' }, en: { title: 'Step rate' } });
    expect(paramLabelsFromText(labelled + '\n  bad: [\n').size).toBe(0);
  });

  it('shows the reader\'s language, then its base language, else the policy\'s own text', () => {
    const labels = { 'zh-CN': { title: '阶梯扣减比例' }, en: { title: 'Step rate', unit: 'per step' } };
    expect(labelFor(labels, 'zh-CN').title).toBe('阶梯扣减比例');
    expect(labelFor({ zh: { title: '比例' } }, 'zh-CN').title).toBe('比例');
    expect(labelFor(labels, 'fr')).toEqual({});
    const loaded = loadPolicy({ file: 'p.yaml', text: rural });
    if (!loaded.ok) throw new Error('rural does not load');
    const stepRate = loaded.policy.params.find((p) => p.name === 'step_rate')!;
    const zh = localizeParam(stepRate, paramLabelsFromText(labelled).get('step_rate'), 'zh-CN');
    expect(zh).toMatchObject({ title: '阶梯扣减比例', description: '完成率每低一档扣减的比例', unit: '每档', value: '0.02' });
    expect(paramLabel(zh)).toBe('step_rate — 阶梯扣减比例: 完成率每低一档扣减的比例');
    const en = localizeParam(stepRate, paramLabelsFromText(labelled).get('step_rate'), 'en');
    expect(en.description).toBe(stepRate.description);
    expect(paramLabel(en)).toBe(`step_rate — Step rate: ${stepRate.description}`);
  });
});
