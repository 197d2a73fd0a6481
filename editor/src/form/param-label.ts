// The accessible name of a parameter's input: its name (and key or row), then its localized
// title and description.
import type { FormParam } from './localized.js';

export function paramLabel(param: FormParam, ...sub: (string | number)[]): string {
  const where = sub.length ? ` ${sub.join(' ')}` : '';
  const text = [param.title, param.description].filter(Boolean).join(': ');
  return `${param.name}${where}${text ? ` — ${text}` : ''}`;
}
