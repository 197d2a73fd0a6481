// The engine's words in the reader's language: a diagnostic, a condition step, a formula's worded
// parts, a withheld reason each carry their message as a code with parameters (engine/messages),
// rendered here; without one, the engine's English text.
import { render, type MessageData } from '../../../engine/index.js';
import type { Language } from './i18n.js';

export function engineText(text: string, message: MessageData | undefined, language: Language): string {
  return message && language !== 'en' ? render(message, language) : text;
}
