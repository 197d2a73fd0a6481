// The policy's YAML in Monaco: schema-driven completion and hovers (monaco-yaml), completion of
// the policy's own names, and the engine's diagnostics as markers (owner `ratecard`). Esc (when no
// widget is open) leaves the editor, as Ctrl+M (Tab moves focus) does; problems jump to their line.
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { Diagnostic } from '../../../engine/index.js';
import { engineText } from '../i18n/engine-text.js';
import { useI18n } from '../i18n/i18n.js';
import { diagnosticToMarker } from '../monaco/markers.js';
import { registerNameCompletion, type NameEntry } from '../monaco/name-completion.js';
import { monaco, setupMonaco } from '../monaco/setup.js';

interface Props {
  file: string;
  text: string;
  onChange: (text: string) => void;
  diagnostics: Diagnostic[];
  names: NameEntry[];
  label: string;
  /** Called on Esc when no suggestion, hover or find widget is open: the page moves the focus out. */
  onEscape: () => void;
  /** Set to a function that puts the cursor at a line and column and focuses the editor. */
  goTo: MutableRefObject<((line: number, column: number) => void) | undefined>;
}

export function CodeEditor({ file, text, onChange, diagnostics, names, label, onEscape, goTo }: Props) {
  const { language } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const namesRef = useRef(names);
  const onChangeRef = useRef(onChange);
  const onEscapeRef = useRef(onEscape);
  namesRef.current = names;
  onChangeRef.current = onChange;
  onEscapeRef.current = onEscape;

  useEffect(() => {
    setupMonaco();
    const model = monaco.editor.createModel(text, 'yaml', monaco.Uri.parse(`file:///policies/${file}`));
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      // The final empty line's number is not dimmed (dimmed numbers fail the contrast check).
      renderFinalNewline: 'on',
      // Brackets coloured by depth are gold and orchid on white (contrast 1.4:1 — axe's serious
      // colour-contrast finding once Monaco has coloured them): brackets keep the text colour.
      bracketPairColorization: { enabled: false },
      ariaLabel: label,
    });
    editorRef.current = editor;
    const completion = registerNameCompletion(monaco, () => namesRef.current);
    const sub = model.onDidChangeContent(() => onChangeRef.current(model.getValue()));
    editor.addCommand(monaco.KeyCode.Escape, () => onEscapeRef.current(),
      '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible');
    goTo.current = (line, column) => {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    };
    return () => {
      goTo.current = undefined;
      sub.dispose();
      completion.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = undefined;
    };
    // A new model per file; later text changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  // Text changed outside the editor (the form): apply it as an undoable edit.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === text) return;
    const changedLine = firstDifferentLine(model.getValue(), text);
    editorRef.current!.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    editorRef.current!.pushUndoStop();
    editorRef.current!.revealLineInCenterIfOutsideViewport(changedLine);
  }, [text]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    const markers = diagnostics
      .filter((d) => d.line >= 1 && d.line <= lines)
      .map((d) => diagnosticToMarker(d, (l) => model.getLineLength(l), engineText(d.message, d.msg, language)));
    monaco.editor.setModelMarkers(model, 'ratecard', markers);
  }, [diagnostics, file, language]);

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n'), y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
