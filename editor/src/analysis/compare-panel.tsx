// Compare anything: the saved version, the edit, any version in the history or a named scenario
// kept in this browser, as A and B; the comparison is computed in the analysis worker.
import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../../engine/index.js';
import { api, type HistoryEntry } from '../api/client.js';
import { Problems } from '../components/problems.js';
import { useI18n } from '../i18n/i18n.js';
import type { AnalysisClient } from '../worker/analysis-client.js';
import type { Comparison } from '../worker/analysis-protocol.js';
import type { PeriodRange } from '../worker/protocol.js';
import { ComparisonView } from './comparison-view.js';
import { scenarios, type Scenario } from './scenarios.js';

interface Props {
  client: AnalysisClient;
  file: string;
  text: string;
  savedText?: string;
  range: PeriodRange;
  /** Changes when a dataset is chosen, so the comparison is computed again. */
  datasetId?: string;
  refresh: number;
}

/** `saved`, `edit`, `v:<version>` or `s:<scenario name>`. */
type SideKey = string;

export function ComparePanel({ client, file, text, savedText, range, datasetId, refresh }: Props) {
  const { t } = useI18n();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [versions, setVersions] = useState<Record<string, string>>({});
  const [kept, setKept] = useState<Scenario[]>(() => scenarios.list(file));
  const [a, setA] = useState<SideKey>('saved');
  const [b, setB] = useState<SideKey>('edit');
  const [name, setName] = useState('');
  const [payeeId, setPayeeId] = useState<string | undefined>();
  const [result, setResult] = useState<{ comparison?: Comparison; diagnostics?: Diagnostic[]; side?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => { setKept(scenarios.list(file)); api.history(file).then(setHistory).catch(() => setHistory([])); }, [file, refresh]);
  const label = (key: SideKey): string => {
    if (key === 'saved') return t('compare.saved');
    if (key === 'edit') return t('compare.edit');
    if (key.startsWith('v:')) {
      const e = history.find((h) => h.version === key.slice(2));
      return t('compare.version', { version: key.slice(2, 10), author: e?.author || '—' });
    }
    return t('compare.scenario', { name: key.slice(2) });
  };
  const textOf = (key: SideKey): string | undefined => {
    if (key === 'saved') return savedText;
    if (key === 'edit') return text;
    if (key.startsWith('v:')) return versions[key.slice(2)];
    return kept.find((s) => s.name === key.slice(2))?.text;
  };
  // A history version's text is fetched when it is picked.
  useEffect(() => {
    for (const key of [a, b]) {
      const version = key.startsWith('v:') ? key.slice(2) : undefined;
      if (version && versions[version] === undefined) {
        api.historyText(file, version).then((v) => setVersions((m) => ({ ...m, [version]: v.text }))).catch(() => undefined);
      }
    }
  }, [a, b, file, versions]);

  const before = textOf(a), after = textOf(b);
  useEffect(() => {
    if (before === undefined || after === undefined) return;
    let live = true;
    setBusy(true);
    const timer = setTimeout(() => {
      void client.ask({ type: 'compare', file, before: { label: a, text: before }, after: { label: b, text: after }, range, ...(payeeId ? { payeeId } : {}) }).then((m) => {
        if (!live || !m) return;
        setBusy(false);
        setResult(m.ok ? { comparison: m.comparison } : { diagnostics: m.diagnostics, side: m.side });
      });
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [client, file, a, b, before, after, range, payeeId, datasetId]);

  const keep = () => {
    const n = name.trim();
    if (!n) return;
    setKept(scenarios.save(file, n, text));
    setName('');
  };
  const options = (
    <>
      <option value="saved">{label('saved')}</option>
      <option value="edit">{label('edit')}</option>
      {history.map((h) => <option key={h.version} value={`v:${h.version}`}>{label(`v:${h.version}`)}</option>)}
      {kept.map((s) => <option key={s.name} value={`s:${s.name}`}>{label(`s:${s.name}`)}</option>)}
    </>
  );
  return (
    <section className="compare-panel" aria-label={t('compare.title')} aria-busy={busy} data-testid="compare-panel" data-busy={busy}>
      <h3>{t('compare.title')} {busy ? <span className="busy">{t('compare.computing')}</span> : null}</h3>
      <div className="compare-pick">
        <label>{t('compare.before')} <select aria-label={t('compare.before')} value={a} onChange={(e) => setA(e.target.value)}>{options}</select></label>
        <label>{t('compare.after')} <select aria-label={t('compare.after')} value={b} onChange={(e) => setB(e.target.value)}>{options}</select></label>
        <span className="scenario-keep">
          <input aria-label={t('compare.scenarioName')} placeholder={t('compare.scenarioName')} value={name} onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') keep(); }} />
          <button type="button" onClick={keep} disabled={!name.trim()}>{t('compare.saveScenario')}</button>
        </span>
      </div>
      {kept.length ? (
        <p className="scenarios" data-testid="scenarios">{t('compare.scenarios')}:{' '}
          {kept.map((s) => (
            <span key={s.name} className="scenario">{s.name}{' '}
              <button type="button" className="link" aria-label={t('compare.removeScenario', { name: s.name })} onClick={() => setKept(scenarios.remove(file, s.name))}>×</button>
            </span>
          ))}
        </p>
      ) : null}
      {result.diagnostics ? (
        <>
          <p className="note error">{t('compare.failed', { side: label(result.side === 'before' ? a : b) })}</p>
          <Problems diagnostics={result.diagnostics} />
        </>
      ) : null}
      {result.comparison ? <ComparisonView comparison={result.comparison} labels={[label(a), label(b)]} onPickPayee={setPayeeId} /> : null}
    </section>
  );
}
