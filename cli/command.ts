// What every `ratecard <command>` module exports: cli/main.ts finds `cli/commands/<name>.js`
// and calls its default export, so a command is added by adding one file.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Command {
  name: string;
  /** One line for `ratecard --help`. */
  summary: string;
  /** Full usage for `ratecard <name> --help`. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 input or policy error, 2 usage error. */
  run(args: string[], io: CliIO): Promise<number>;
}
