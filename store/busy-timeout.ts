// `--busy-timeout MS` read: how long a writer waits for another before the store reports it busy.
import { errorAt, RatecardError } from '../engine/index.js';

export function busyTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,7}$/.test(text)) throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, 'busy-timeout', `expected milliseconds (0 to 9999999), got \`${text}\``, 'bad-option')]);
  return Number(text);
}
