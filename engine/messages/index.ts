// The engine's messages in the reader's language: the catalog, `render`, and the helpers that
// show diagnostics, traces, reasons and statements in English or 简体中文.
export { catalog, type Code } from './catalog.js';
export { LANGS, type Lang, type Text } from './message.js';
export { msg } from './msg.js';
export { diagnosticMessage, isCode, render, renderDiagnostic, renderText } from './render.js';
export { langFromEnv, parseLang } from './lang.js';
export { percent, yuan } from './format.js';
export {
  conditionText, explanationText, formulaTexts, localizeStatement, reasonText, renderIn, unitsOf, withoutMessages, withUnits,
  type LocalizeOptions, type Unit, type Units,
} from './localize.js';
