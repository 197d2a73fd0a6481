// `ratecard <command> [options]`: finds cli/commands/<command>.js and runs it. User mistakes
// print as `file:line:column field: message` with exit code 1; no stack traces unless
// RATECARD_DEBUG is set.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { langFromEnv, parseLang, RatecardError, renderDiagnostic } from '../engine/index.js';
import type { CliIO, Command } from './command.js';
import { UsageError } from './args.js';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name)) return undefined;
  const file = listCommands().find((c) => c === name);
  if (!file) return undefined;
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return (await import(pathToFileURL(join(commandsDir, name + ext)).href)).default as Command;
}

function listCommands(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => /^[a-z-]+\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(js|ts)$/, ''))
    .filter((v, i, a) => a.indexOf(v) === i)
    .sort();
}

/**
 * `--lang zh-CN|en` (anywhere after the command) sets the language of messages for the run, as
 * `RATECARD_LANG` does; without it the locale decides (`LC_ALL`, `LC_MESSAGES`, `LANG`: zh_CN.UTF-8 → zh-CN).
 */
function takeLang(args: string[], io: CliIO): { args: string[]; io: CliIO } | string {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--lang') { lang = args[++i] ?? ''; continue; }
    if (a.startsWith('--lang=')) { lang = a.slice('--lang='.length); continue; }
    rest.push(a);
  }
  if (lang === undefined) return { args: rest, io };
  const parsed = parseLang(lang);
  if (!parsed) return `--lang must be en or zh-CN, got \`${lang}\``;
  return { args: rest, io: { ...io, env: { ...io.env, RATECARD_LANG: parsed } } };
}

export async function main(argv: string[], cliIO: CliIO): Promise<number> {
  const [name, ...given] = argv;
  let io = cliIO;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const commands = await Promise.all(listCommands().map(loadCommand));
    io.stdout(`usage: ratecard <command> [options]\n\ncommands:\n${commands.filter(Boolean).map((c) => `  ${c!.name.padEnd(10)} ${c!.summary}`).join('\n')}\n\nratecard <command> --help shows a command's options.\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    const manifest = new URL(import.meta.url.endsWith('.ts') ? '../package.json' : '../../package.json', import.meta.url);
    io.stdout(`ratecard ${JSON.parse(readFileSync(manifest, 'utf8')).version}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`ratecard: unknown command \`${name}\`, expected one of ${listCommands().map((c) => `\`${c}\``).join(', ')}\n`);
    return 2;
  }
  const taken = takeLang(given, io);
  if (typeof taken === 'string') {
    io.stderr(`ratecard ${name}: ${taken}\n${command.usage}\n`);
    return 2;
  }
  const args = taken.args;
  io = taken.io;
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof RatecardError) {
      const lang = langFromEnv(io.env);
      for (const d of e.diagnostics) io.stderr(renderDiagnostic(d, lang) + '\n');
      return 1;
    }
    if (e instanceof UsageError) {
      io.stderr(`ratecard ${name}: ${e.message}\n${command.usage}\n`);
      return 2;
    }
    if (io.env.RATECARD_DEBUG) throw e;
    io.stderr(`ratecard ${name}: internal error: ${e instanceof Error ? e.message : String(e)} (set RATECARD_DEBUG=1 for details)\n`);
    return 70;
  }
}

if (process.argv[1] && /(^|[\\/])(main\.(js|ts)|ratecard(\.js)?)$/.test(process.argv[1])) {
  const code = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  });
  process.exitCode = code;
}
