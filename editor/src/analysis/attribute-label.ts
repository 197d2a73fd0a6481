// A payee attribute's name in the reader's language: the known columns have one, others show as written.
import { dictionaries, type Language } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/en.js';

export function attributeLabel(name: string, language: Language): string {
  const key = `attribute.${name}` as MessageKey;
  return dictionaries[language][key] ?? name;
}
