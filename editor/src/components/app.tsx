// The policy editor: policies and datasets on top, the YAML and the parameter form side by side,
// the live preview on the right; saving with author and message, history with diffs.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AnalysisSection } from '../analysis/analysis-section.js';
import { api, type HistoryEntry, type PolicyListItem, type SaveResult } from '../api/client.js';
import { ApprovalPanel } from '../approval/approval-panel.js';
import { DatasetPicker } from '../datasets/dataset-picker.js';
import { TemplateButton } from '../export/template-button.js';
import { ParamForm } from '../form/param-form.js';
import { I18nContext, LANGUAGES, translator, type Language } from '../i18n/i18n.js';
import { labelFor, labelsFromText } from '../form/localized.js';
import { namesOf } from '../monaco/name-completion.js';
import { PreviewPanel } from '../preview/preview-panel.js';
import { HistoryPanel } from '../save/history-panel.js';
import { saveImpact } from '../save/impact-guard.js';
import { SaveDialog, type DialogImpact } from '../save/save-dialog.js';
import { useDataset } from '../state/use-dataset.js';
import { usePolicyFile } from '../state/use-policy-file.js';
import { usePreview } from '../state/use-preview.js';
import { CodeEditor } from './code-editor.js';
import { Problems } from './problems.js';
import { isSaveKey } from './save-key.js';
import { SaveStatus } from './save-status.js';

const fileFromHash = () => decodeURIComponent(location.hash.replace(/^#\/?/, '')) || undefined;

export function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('ratecard:language') as Language) || 'zh-CN');
  const i18n = useMemo(() => ({ language, t: translator(language) }), [language]);
  const { t } = i18n;
  const [policies, setPolicies] = useState<PolicyListItem[]>([]);
  const [file, setFile] = useState<string | undefined>(fileFromHash);
  const policy = usePolicyFile(file);
  const data = useDataset();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  // The impact's baseline: the saved version, or a version from the history.
  const [compare, setCompare] = useState<{ version: string; text: string } | undefined>();
  const preview = usePreview(policy.file, policy.text, compare?.text ?? policy.savedText, data.tables, range);
  const [saving, setSaving] = useState(false);
  const [saveResult, setSaveResult] = useState<SaveResult | undefined>();
  const [showHistory, setShowHistory] = useState(false);
  const [showAnalysis, setShowAnalysis] = useState(false);
  const [historyTick, setHistoryTick] = useState(0);
  const goTo = useRef<((line: number, column: number) => void) | undefined>(undefined);
  const keyHint = useRef<HTMLParagraphElement>(null);

  useEffect(() => { localStorage.setItem('ratecard:language', language); document.documentElement.lang = language; }, [language]);
  useEffect(() => { api.policies().then(setPolicies).catch(() => setPolicies([])); }, [historyTick]);
  useEffect(() => {
    const onHash = () => setFile(fileFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // Opening a policy picks its bundled dataset, when there is one, and starts a fresh preview.
  useEffect(() => {
    const match = data.datasets.find((d) => d.policy === file);
    if (match && match.name !== data.chosen) void data.chooseBundled(match.name);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, data.datasets]);
  useEffect(() => { preview.reset(); setSaveResult(undefined); setCompare(undefined); }, [file]); // eslint-disable-line react-hooks/exhaustive-deps
  // Saving shows the impact against the saved version.
  useEffect(() => { if (saving) setCompare(undefined); }, [saving]);
  const compareWith = (entry: HistoryEntry) => {
    if (!policy.file) return;
    api.historyText(policy.file, entry.version).then((v) => setCompare({ version: v.version, text: v.text })).catch(() => setCompare(undefined));
  };
  // Ctrl+S (⌘S) saves from anywhere, the YAML editor included (the browser's "save page" never
  // opens); in the save dialog it confirms the dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isSaveKey(e)) {
        e.preventDefault();
        if (file) setSaving(true);
      }
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [file]);

  const invalid = preview.diagnostics.some((d) => d.severity === 'error');
  const names = useMemo(() => (preview.outline ? namesOf(preview.outline) : []), [preview.outline]);
  const labels = useMemo(() => labelsFromText(policy.text), [policy.text]);
  const policyTitle = labelFor(labels.policy, language).title;
  const ruleTitle = (id: string) => labelFor(labels.rules.get(id), language).title;
  const dirty = policy.savedText !== undefined && policy.text !== policy.savedText;

  // The impact of exactly the text being saved, once the worker has computed it.
  const dialogImpact: DialogImpact = invalid || !data.tables ? { status: 'unknown' }
    : preview.impact && preview.impactCurrent ? { status: 'ready', impact: preview.impact }
      : preview.settled ? { status: 'unknown' } : { status: 'pending' };

  const doSave = async (author: string, message: string, threshold: string) => {
    setSaving(false);
    const where = { ...(data.chosen ? { dataset: data.chosen } : {}), ...(preview.summary ? { from: preview.summary.from, to: preview.summary.to } : {}) };
    const impact = dialogImpact.status === 'ready' ? saveImpact(dialogImpact.impact, threshold, where) : undefined;
    const result = await policy.save(author, message, impact);
    setSaveResult(result);
    setHistoryTick((n) => n + 1);
  };

  return (
    <I18nContext.Provider value={i18n}>
      {/* While the save dialog is open the page behind it is inert: no focus, no clicks, not read. */}
      <div className="app" inert={saving}>
        <header className="top">
          <h1>{t('app.title')}</h1>
          <label>{t('policies.title')}{' '}
            <select aria-label={t('policies.title')} value={file ?? ''} onChange={(e) => { location.hash = `/${e.target.value}`; }}>
              <option value="">—</option>
              {policies.map((p) => <option key={p.file} value={p.file}>{p.name} ({p.file}){p.valid ? '' : ` · ${t('policies.invalid')}`}</option>)}
            </select>
          </label>
          <DatasetPicker datasets={data.datasets} chosen={data.chosen} onBundled={(n) => void data.chooseBundled(n)} onFiles={data.chooseFiles} />
          {policy.file ? <TemplateButton name={policy.file.replace(/\.yaml$/, '')} text={policy.text} /> : null}
          <label>{t('preview.from')} <input type="month" aria-label={t('preview.from')} value={range.from ?? ''} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value || undefined }))} /></label>
          <label>{t('preview.to')} <input type="month" aria-label={t('preview.to')} value={range.to ?? ''} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value || undefined }))} /></label>
          <span className="spacer" />
          {dirty ? <span className="dirty">{t('editor.unsaved')}</span> : null}
          <button type="button" disabled={!policy.file} onClick={() => setSaving(true)}>{t('save.save')}</button>
          <button type="button" disabled={!policy.file} onClick={() => setShowHistory((s) => !s)}>{showHistory ? t('history.hide') : t('history.show')}</button>
          <button type="button" disabled={!policy.file} aria-expanded={showAnalysis} onClick={() => setShowAnalysis((s) => !s)}>{showAnalysis ? t('analysis.hide') : t('analysis.show')}</button>
          <label>{t('app.language')}{' '}
            <select aria-label={t('app.language')} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => <option key={l} value={l}>{l === 'zh-CN' ? '中文' : 'English'}</option>)}
            </select>
          </label>
        </header>
        {policy.restored ? <p className="note warn" role="status" data-testid="restored">{t('editor.restored')} <button type="button" onClick={() => void policy.reload()}>{t('editor.discard')}</button></p> : null}
        {saveResult && policy.file ? <SaveStatus result={saveResult} file={policy.file} baseVersion={policy.version} onReload={() => { setSaveResult(undefined); void policy.reload(); }} /> : null}
        {data.error ? <p className="note error">{data.error}</p> : null}
        {policy.error ? <p className="note error">{policy.error}</p> : null}
        {!policy.file ? <p className="muted">{t('policies.none')}</p> : (
          <main className="workspace">
            <div className="code-column">
              <h2>{t('editor.yaml')} {policyTitle ? <span data-testid="policy-title">{policyTitle} </span> : null}<span className="muted">{policy.file}</span></h2>
              <CodeEditor file={policy.file} text={policy.text} onChange={policy.setText} diagnostics={preview.diagnostics.filter((d) => d.file === policy.file)} names={names}
                label={`${t('editor.yaml')}. ${t('editor.keyHint')}`} onEscape={() => keyHint.current?.focus()} goTo={goTo} />
              <p className="key-hint" ref={keyHint} tabIndex={-1} data-testid="key-hint"><kbd>Esc</kbd> / <kbd>Ctrl+M</kbd> · <kbd>Ctrl+S</kbd> — {t('editor.keyHint')}</p>
              <Problems diagnostics={preview.diagnostics} onJump={(d) => goTo.current?.(d.line, d.column)} canJump={(d) => d.file === policy.file} />
              <ApprovalPanel file={policy.file} text={policy.text} savedText={policy.savedText} dataset={data.tables} />
              {showHistory ? <HistoryPanel file={policy.file} refresh={historyTick} onCompare={compareWith} comparing={compare?.version} /> : null}
            </div>
            <div className="form-column">
              <ParamForm params={preview.outline?.params ?? []} text={policy.text} onText={policy.setText} stale={invalid} />
            </div>
            <div className="preview-column">
              <PreviewPanel preview={preview} policyInvalid={invalid} onPick={(id) => preview.trace(id)} onCloseTrace={preview.clearTrace} ruleTitle={ruleTitle} baseline={compare?.version} onSavedBaseline={() => setCompare(undefined)} onWhatIf={(id, overrides) => preview.trace(id, overrides)} dataErrors={preview.dataErrors} settled={preview.settled} exportName={preview.outline?.id ?? policy.file.replace(/\.yaml$/, '')} />
            </div>
          </main>
        )}
        {policy.file && showAnalysis ? <AnalysisSection file={policy.file} text={policy.text} savedText={policy.savedText} tables={data.tables} range={range} params={preview.outline?.params ?? []} refresh={historyTick} /> : null}
      </div>
      {saving ? <SaveDialog impact={dialogImpact} onSave={(a, m, th) => void doSave(a, m, th)} onCancel={() => setSaving(false)} /> : null}
    </I18nContext.Provider>
  );
}
