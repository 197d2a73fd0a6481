// `ratecard document POLICY`: the published policy (政策文件) in 简体中文 as HTML, generated from
// the YAML, with the parameters' current values and worked examples: the policy's test cases
// (`<policy>.test.yaml` beside it) settled by the engine. Only passing cases become examples.
import { existsSync } from 'node:fs';
import { formatDiagnostic, RatecardError } from '../../engine/index.js';
import { readPolicyTests, runPolicyTests } from '../../engine/policy-test/index.js';
import { parseOptions, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { readSource, writeAtomic } from '../files.js';
import { htmlToPdf } from '../formats/html-to-pdf.js';
import { policyDocumentHtml, type WorkedExample } from '../formats/policy-document.js';
import { loadPolicyFile } from '../load.js';

const usage = `usage: ratecard document POLICY [--params overrides.yaml] [--tests FILE | --no-examples] [--out FILE.html]

  POLICY              the policy (YAML)
  --params FILE       parameter overrides: the document shows the values in force with them
                      (worked examples are then left out: the tests hold for the policy's own values)
  --tests FILE        the test cases to show as worked examples (default: POLICY's .test.yaml beside it)
  --no-examples       no worked examples
  --out FILE          where to write it: FILE.html, or FILE.pdf (printed by Chromium: needs
                      playwright-core and RATECARD_CHROMIUM or /usr/bin/chromium);
                      default: the HTML on standard output`;

function examples(policyPath: string, testPath: string, io: Parameters<Command['run']>[1]): WorkedExample[] {
  const read = readPolicyTests(readSource(testPath, 'tests'));
  if (!read.ok) throw new RatecardError(read.diagnostics);
  const report = runPolicyTests(read.suite, readSource(policyPath, 'policy'));
  if (report.diagnostics.length) throw new RatecardError(report.diagnostics);
  return report.cases.flatMap((result, i) => {
    const c = read.suite.cases[i];
    if (!result.passed || !result.statement) {
      io.stderr(`${formatDiagnostic({ ...c.location, severity: 'warning', field: 'cases', message: `case \`${c.name}\` fails: left out of the worked examples`, code: 'test-failed' })}\n`);
      return [];
    }
    const shown = (line: string) => !c.lines || c.lines.some((l) => l.id === line);
    const zh = c.labels?.['zh-CN'] ?? {};
    return [{
      name: zh.title ?? c.name, description: zh.description?.trim() ?? c.description, params: c.overrides?.text.trim(), tables: c.tables,
      lines: result.statement.lines.filter((l) => shown(l.line)), withheld: result.statement.withheld.filter((w) => shown(w.line)),
    }];
  });
}

const command: Command = {
  name: 'document',
  summary: 'write the policy document (政策文件) in Chinese as HTML, with worked examples from its tests',
  usage,
  async run(args, io) {
    const { values: o, positionals } = parseOptions(args, {
      params: { type: 'string' }, tests: { type: 'string' }, 'no-examples': { type: 'boolean' }, out: { type: 'string' },
    }, true);
    if (positionals.length !== 1) throw new UsageError('name one policy file');
    const [policyPath] = positionals;
    const policy = loadPolicyFile(policyPath, o.params);
    const testPath = o.tests ?? policyPath.replace(/\.ya?ml$/i, '.test.yaml');
    const withExamples = !o['no-examples'] && !o.params && (o.tests !== undefined || existsSync(testPath));
    const html = policyDocumentHtml({ policy, examples: withExamples ? examples(policyPath, testPath, io) : [] });
    if (o.out) {
      writeAtomic(o.out, /\.pdf$/i.test(o.out) ? await htmlToPdf(html, o.out, io.env.RATECARD_CHROMIUM) : html);
      io.stderr(`${policy.id} v${policy.version} → ${o.out}\n`);
    } else io.stdout(html);
    return 0;
  },
};
export default command;
