// The catalog is complete in both languages, and every message the engine builds names a code
// in it: no English text is left where a code belongs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, isCode, LANGS } from '../../../engine/index.js';

// any parameter reads as a one-element list: it prints as text, joins, maps and has a length
const anyParams = new Proxy({}, { get: () => ['x'] });
const CJK = /[\u4e00-\u9fff]/;
// codes whose text is only their parameters and symbols: the same in every language
const SAME_IN_EVERY_LANGUAGE = new Set(['text', 'syntax.token', 'formula.negated']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the message catalog', () => {
  const codes = Object.keys(catalog) as (keyof typeof catalog)[];

  it('has over a hundred codes, each with a text in every language', () => {
    expect(codes.length).toBeGreaterThan(150);
    for (const code of codes) {
      for (const lang of LANGS) {
        const text = String((catalog[code][lang] as (p: unknown) => string)(anyParams));
        
        expect(text.length, `${code} ${lang}`).toBeGreaterThan(0);
      }
    }
  });

  it('says every worded message in 简体中文, not in English', () => {
    const untranslated = codes.filter((code) => {
      const zh = String((catalog[code]['zh-CN'] as (p: unknown) => string)(anyParams));
      return !SAME_IN_EVERY_LANGUAGE.has(code) && !CJK.test(zh) && /[a-z]{3,}/.test(zh.replace(/`[^`]*`|x/g, ''));
    });
    expect(untranslated).toEqual([]);
  });

  it('knows every code the engine and the CLI name', () => {
    const named = new Set<string>();
    for (const file of [...files('engine'), ...files('cli')]) {
      const text = readFileSync(file, 'utf8');
      // msg('code', …), and both codes of msg(cond ? 'a' : 'b', …)
      for (const m of text.matchAll(/\bmsg\(([^()]*?)[,)]/g)) {
        for (const c of m[1].matchAll(/'([a-z][a-z0-9.-]*)'/g)) named.add(c[1]);
      }
    }
    expect(named.size).toBeGreaterThan(150);
    expect([...named].filter((c) => !isCode(c))).toEqual([]);
  });

  it('leaves no English message text in the folders that build messages from codes', () => {
    const dirs = ['engine/compile', 'engine/evaluate', 'engine/settle', 'engine/policy', 'engine/data', 'engine/expression'];
    const literal = /\b(?:report|fail|h\.report)\(\s*[`']|new (?:EvaluationError|ExpressionSyntaxError|DataCellError)\(\s*[`']|errorAt\([^;]*?,\s*[`'][^`']*[`'],\s*'[a-z-]+'\)/;
    const offenders = dirs.flatMap(files).flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').map((line, i) => ({ where: `${file}:${i + 1}`, line })).filter((l) => literal.test(l.line)));
    expect(offenders).toEqual([]);
  });
});
