// Completion of the names a policy defines (facts, params, metrics, rules) anywhere in its YAML:
// expressions, conditions' `fact:` and amounts all refer to them by name.
import type { PolicyOutline } from '../worker/protocol.js';
import type { monaco as Monaco } from './setup.js';

export interface NameEntry { name: string; kind: 'fact' | 'param' | 'metric' | 'line'; detail: string }

export function namesOf(outline: PolicyOutline): NameEntry[] {
  return [
    ...outline.facts.map((f) => ({ name: f.name, kind: 'fact' as const, detail: `fact (${f.type})${f.description ? ': ' + f.description : ''}` })),
    ...outline.params.map((p) => ({ name: p.name, kind: 'param' as const, detail: `param (${p.type})${p.description ? ': ' + p.description : ''}` })),
    ...outline.metrics.map((m) => ({ name: m, kind: 'metric' as const, detail: 'metric' })),
    ...outline.rules.map((r) => ({ name: r.id, kind: 'line' as const, detail: `line (${r.kind})${r.description ? ': ' + r.description : ''}` })),
  ];
}

/** Whether the cursor is in a value (after `key:` or inside a flow collection), where names go; keys are the schema's. */
export function inValuePosition(lineBeforeCursor: string): boolean {
  return /:\s/.test(lineBeforeCursor) || /[[{(]/.test(lineBeforeCursor);
}

export function registerNameCompletion(monaco: typeof Monaco, names: () => NameEntry[]) {
  const kinds = { fact: monaco.languages.CompletionItemKind.Field, param: monaco.languages.CompletionItemKind.Constant, metric: monaco.languages.CompletionItemKind.Function, line: monaco.languages.CompletionItemKind.Reference };
  return monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: [' ', '(', '*', '+', '-', '/'],
    provideCompletionItems(model, position) {
      if (!inValuePosition(model.getLineContent(position.lineNumber).slice(0, position.column - 1))) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      return { suggestions: names().map((n) => ({ label: n.name, kind: kinds[n.kind], detail: n.detail, insertText: n.name, range })) };
    },
  });
}
