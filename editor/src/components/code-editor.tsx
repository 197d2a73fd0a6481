// The policy's YAML in Monaco: schema-driven completion and hovers (monaco-yaml), completion of
// the policy's own names, and the engine's diagnostics as markers (owner `ratecard`).
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../../engine/index.js';
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
}

export function CodeEditor({ file, text, onChange, diagnostics, names, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const namesRef = useRef(names);
  const onChangeRef = useRef(onChange);
  namesRef.current = names;
  onChangeRef.current = onChange;

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
      ariaLabel: label,
    });
    editorRef.current = editor;
    const completion = registerNameCompletion(monaco, () => namesRef.current);
    const sub = model.onDidChangeContent(() => onChangeRef.current(model.getValue()));
    return () => {
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
      .map((d) => diagnosticToMarker(d, (l) => model.getLineLength(l)));
    monaco.editor.setModelMarkers(model, 'ratecard', markers);
  }, [diagnostics, file]);

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n'), y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
