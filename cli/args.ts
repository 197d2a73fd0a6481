// Option parsing for every command (node:util parseArgs, strict): an unknown or malformed
// option is a usage error, shown with the command's usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^./, (c) => c.toLowerCase()).replace(/\. To specify.*$/s, ''));
  }
}

export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`missing --${flag}`);
  return value;
}
