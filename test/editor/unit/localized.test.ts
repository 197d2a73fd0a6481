import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../engine/index.js';
import { labelFor, labelsFromText, localizeParam } from '../../../editor/src/form/localized.js';
import { paramLabel } from '../../../editor/src/form/param-label.js';

const rural = readFileSync(new URL('../../../policies/rural-contract.yaml', import.meta.url), 'utf8');
const labelled = rural.replace(
  '  step_rate:\n    labels: { zh-CN: { title: 阶梯扣减比例 } }\n',
  '  step_rate:\n    labels:\n      zh-CN: { title: 阶梯扣减比例, description: 完成率每低一档扣减的比例, unit: 每档 }\n      en: { title: Step rate }\n',
);

describe('localized labels in the form', () => {
  it('reads the labels of each parameter from the text', () => {
    expect(labelled).not.toBe(rural);
    const labels = labelsFromText(labelled).params;
    expect(labels.get('step_rate')).toEqual({ 'zh-CN': { title: '阶梯扣减比例', description: '完成率每低一档扣减的比例', unit: '每档' }, en: { title: 'Step rate' } });
    expect(labelsFromText(labelled + '\n  bad: [\n').params.size).toBe(0);
  });

  it('reads the labels of the policy, its facts, metrics and rules', () => {
    const piece = readFileSync(new URL('../../../policies/piece-rate.yaml', import.meta.url), 'utf8');
    const labels = labelsFromText(piece);
    expect(labels.rules.get('piece_wage')).toEqual({ 'zh-CN': { title: '计件工资' } });
    expect(labels.params.get('unit_price')?.['zh-CN']).toEqual({ title: '业务单价', unit: '元/件' });
    expect(labels.policy?.['zh-CN']?.title).toBeTruthy();
  });

  it('shows the reader\'s language, then its base language, else the policy\'s own text', () => {
    const labels = { 'zh-CN': { title: '阶梯扣减比例' }, en: { title: 'Step rate', unit: 'per step' } };
    expect(labelFor(labels, 'zh-CN').title).toBe('阶梯扣减比例');
    expect(labelFor({ zh: { title: '比例' } }, 'zh-CN').title).toBe('比例');
    expect(labelFor(labels, 'fr')).toEqual({});
    const loaded = loadPolicy({ file: 'p.yaml', text: rural });
    if (!loaded.ok) throw new Error('rural does not load');
    const stepRate = loaded.policy.params.find((p) => p.name === 'step_rate')!;
    const zh = localizeParam(stepRate, labelsFromText(labelled).params.get('step_rate'), 'zh-CN');
    expect(zh).toMatchObject({ title: '阶梯扣减比例', description: '完成率每低一档扣减的比例', unit: '每档', value: '0.02' });
    expect(paramLabel(zh)).toBe('step_rate — 阶梯扣减比例: 完成率每低一档扣减的比例');
    const en = localizeParam(stepRate, labelsFromText(labelled).params.get('step_rate'), 'en');
    expect(en.description).toBe(stepRate.description);
    expect(paramLabel(en)).toBe(`step_rate — Step rate: ${stepRate.description}`);
  });
});
