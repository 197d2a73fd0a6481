// The accessible name of a parameter's input: its name (and key or row), then its description.
import type { ParamInfo } from '../../../engine/index.js';

export function paramLabel(param: ParamInfo, ...sub: (string | number)[]): string {
  const where = sub.length ? ` ${sub.join(' ')}` : '';
  return `${param.name}${where}${param.description ? ` — ${param.description}` : ''}`;
}
