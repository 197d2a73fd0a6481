// The reader's language: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
import { LANGS, type Lang } from './message.js';

/** `zh-CN`, `zh_CN.UTF-8`, `zh`, `zh-Hans` → `zh-CN`; `en`, `en_US.UTF-8`, `C`, `POSIX` → `en`; anything else undefined. */
export function parseLang(text: string | undefined): Lang | undefined {
  if (!text) return undefined;
  const tag = text.split(/[.@]/)[0].replace('_', '-').toLowerCase();
  if (tag === 'c' || tag === 'posix' || tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-CN';
  return LANGS.find((l) => l.toLowerCase() === tag);
}

/** The language a shell's environment asks for: `RATECARD_LANG`, then the POSIX locale variables in their order. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  for (const name of ['RATECARD_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    // an empty variable does not count; a set one decides, even when it names a language without texts
    if (value) return parseLang(value) ?? 'en';
  }
  return 'en';
}
