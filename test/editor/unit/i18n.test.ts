import { describe, expect, it } from 'vitest';
import { dictionaries, translator } from '../../../editor/src/i18n/i18n.js';

describe('i18n dictionaries', () => {
  it('zh-CN and English have exactly the same keys, none empty', () => {
    const en = Object.keys(dictionaries.en).sort();
    expect(Object.keys(dictionaries['zh-CN']).sort()).toEqual(en);
    for (const dict of Object.values(dictionaries)) for (const v of Object.values(dict)) expect(v.trim()).not.toBe('');
  });

  it('uses the glossary terms for the four kinds', () => {
    const zh = dictionaries['zh-CN'];
    expect([zh['kind.commission'], zh['kind.deduction'], zh['kind.refund'], zh['kind.bonus']]).toEqual(['酬金', '扣减', '返还', '奖励']);
  });

  it('fills placeholders, and every placeholder of a key is the same in both languages', () => {
    expect(translator('en')('preview.computeTime', { ms: 42 })).toBe('computed in 42 ms');
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      expect(names(dictionaries['zh-CN'][key]), key).toEqual(names(dictionaries.en[key]));
    }
  });
});
