// Usage mistakes exit with 2 and show the usage; help exits with 0; nothing prints a stack trace.
import { describe, expect, it } from 'vitest';
import { runCli, settleArgs } from '../fixtures/run-cli.js';

describe('usage', () => {
  it('no command shows the commands and exits with 2; --help exits with 0', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toMatch(/^usage: ratecard <command> \[options\]\n\ncommands:\n/);
    for (const name of ['explain', 'settle', 'validate']) expect(bare.stdout).toMatch(new RegExp(`\\n {2}${name} +\\S`));
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(bare.stdout);
  });

  it('an unknown command exits with 2 and lists the commands', async () => {
    const run = await runCli(['setle']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ratecard: unknown command `setle`, expected one of (`[a-z-]+`, )*`settle`/);
  });

  it('`<command> --help` prints the command usage and exits with 0', async () => {
    const run = await runCli(['settle', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: ratecard settle --policy FILE/);
  });

  const cases: [string, string[], string][] = [
    ['an unknown option', [...settleArgs('rural-contract'), '--polcy', 'x.yaml'], "ratecard settle: unknown option '--polcy'"],
    ['a missing --policy', settleArgs('rural-contract').filter((a, i, all) => a !== '--policy' && all[i - 1] !== '--policy'), 'ratecard settle: missing --policy'],
    ['a missing --facts', ['settle', '--policy', 'policies/rural-contract.yaml', '--payees', 'p.csv'], 'ratecard settle: missing --facts'],
    ['a bad --format', [...settleArgs('rural-contract'), '--format', 'xml'], 'ratecard settle: --format must be csv, json, xlsx, html or pdf, got `xml`'],
    ['a bad --workers', [...settleArgs('rural-contract'), '--workers', 'many'], 'ratecard settle: --workers must be a whole number or auto, got `many`'],
    ['validate without files', ['validate'], 'ratecard validate: name at least one policy file'],
    ['explain without --payee', ['explain', ...settleArgs('rural-contract').slice(1)], 'ratecard explain: missing --payee'],
  ];
  for (const [what, args, first] of cases) {
    it(`${what} is a usage error: exit 2, the message, then the usage`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      const [message, usage] = run.stderr.split('\n');
      expect(message).toBe(first);
      expect(usage).toMatch(/^usage: ratecard /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    });
  }

  it('a bad --from is reported as a located error, exit 1', async () => {
    const run = await runCli([...settleArgs('rural-contract'), '--from', '2025-13']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('(options):1:1 from: expected a month as YYYY-MM, got `2025-13`\n');
  });
});
