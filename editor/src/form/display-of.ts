// How a number of a given parameter type is shown in the form.
import type { Display } from './decimal-input.js';

export function displayOf(type: string | undefined): Display {
  if (type === 'rate') return 'percent';
  if (type === 'money') return 'money';
  if (type === 'count' || type === 'integer') return 'integer';
  return 'plain';
}
