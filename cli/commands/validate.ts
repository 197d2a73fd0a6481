// `ratecard validate FILE...`: check policies (and optionally a parameter file) and report
// every problem with its file, line and column.
import { langFromEnv, msg, render, renderDiagnostic, validatePolicy } from '../../engine/index.js';
import { parseOptions, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { readSource } from '../files.js';

const command: Command = {
  name: 'validate',
  summary: 'check policy files and report every problem with file:line:column',
  usage: `usage: ratecard validate [--params overrides.yaml] [--lang en|zh-CN] FILE...

Checks each policy against the JSON Schema and the engine's semantic rules (names, types,
cycles, parameter shapes, tiers without gaps or overlaps). Exit code 1 when any file has errors.
Messages are in the language of --lang, else of the locale (LANG=zh_CN.UTF-8: 简体中文).`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { params: { type: 'string' } }, true);
    if (!positionals.length) throw new UsageError('name at least one policy file');
    const lang = langFromEnv(io.env);
    let failed = 0;
    for (const file of positionals) {
      let diagnostics;
      try {
        diagnostics = validatePolicy(readSource(file, 'policy'), { overrides: values.params ? readSource(values.params, 'params') : undefined });
      } catch (e) {
        if (e instanceof Error && 'diagnostics' in e) diagnostics = (e as { diagnostics: import('../../engine/index.js').Diagnostic[] }).diagnostics;
        else throw e;
      }
      const errors = diagnostics.filter((d) => d.severity === 'error');
      for (const d of diagnostics) {
        const text = renderDiagnostic(d, lang);
        io.stderr(`${d.severity === 'warning' ? render(msg('cli.warning', { text }), lang) : text}\n`);
      }
      if (errors.length) failed++;
      else io.stdout(`${render(msg('cli.ok', { file }), lang)}\n`);
    }
    return failed ? 1 : 0;
  },
};
export default command;
