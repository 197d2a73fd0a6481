// Numbers as the form shows them (exactly, from decimal text), and the reader's language from
// `--lang` or the locale.
import { describe, expect, it } from 'vitest';
import { langFromEnv, parseLang, percent, yuan } from '../../../engine/index.js';

describe('numbers in 简体中文 messages', () => {
  it('shares as percentages, the decimal point moved, nothing rounded', () => {
    expect(percent('0.923')).toBe('92.3 %');
    expect(percent('0.02')).toBe('2 %');
    expect(percent('1.3')).toBe('130 %');
    expect(percent('0')).toBe('0 %');
    expect(percent('-0.005')).toBe('-0.5 %');
    expect(percent('0.123456789012345678901234567891')).toBe('12.3456789012345678901234567891 %');
    expect(percent('0.978999915817…')).toBe('97.8999915817… %');
    expect(percent('(none)')).toBe('(none)');
  });

  it('amounts in yuan with thousands separators, the places kept', () => {
    expect(yuan('1234.50')).toBe('¥1,234.50');
    expect(yuan('-905.38')).toBe('-¥905.38');
    expect(yuan('2346244.69')).toBe('¥2,346,244.69');
    expect(yuan('0')).toBe('¥0');
    expect(yuan('n/a')).toBe('n/a');
  });
});

describe('the reader\'s language', () => {
  it('reads language tags and POSIX locales', () => {
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('zh_CN.UTF-8')).toBe('zh-CN');
    expect(parseLang('zh_CN.GB18030')).toBe('zh-CN');
    expect(parseLang('zh')).toBe('zh-CN');
    expect(parseLang('en_US.UTF-8')).toBe('en');
    expect(parseLang('C.UTF-8')).toBe('en');
    expect(parseLang('fr_FR.UTF-8')).toBeUndefined();
    expect(parseLang(undefined)).toBeUndefined();
  });

  it('takes RATECARD_LANG (set by --lang), then LC_ALL, LC_MESSAGES and LANG, else English', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', RATECARD_LANG: 'en' })).toBe('en');
    expect(langFromEnv({ LANG: '', LC_ALL: '' })).toBe('en');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
  });
});
