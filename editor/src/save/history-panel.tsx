// The versions of a policy with who saved them, when and why, what each changed in the words of
// its parameters (`step_rate` 2 % → 3 %) and the impact recorded when it was saved; any two
// versions compared the same way, the YAML diff one click away.
import { useEffect, useState } from 'react';
import { api, type HistoryEntry } from '../api/client.js';
import { formatDelta } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { paramChanges } from './param-changes.js';
import { ParamChangesView } from './param-changes-view.js';

interface Props {
  file: string;
  refresh: number;
  /** Makes a version the baseline of the preview's impact. */
  onCompare: (entry: HistoryEntry) => void;
  comparing?: string;
}

export function HistoryPanel({ file, refresh, onCompare, comparing }: Props) {
  const { t, language } = useI18n();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState<{ kind: 'params' | 'yaml'; from: string; to: string; unified?: string } | undefined>();
  useEffect(() => {
    api.history(file).then((h) => {
      setEntries(h);
      setTo(h[0]?.version ?? '');
      setFrom(h[1]?.version ?? h[0]?.version ?? '');
      setShown(undefined);
      // Every version's text, to say what it changed (content-addressed: a version's text never changes).
      for (const e of h) api.historyText(file, e.version).then((v) => setTexts((m) => ({ ...m, [v.version]: v.text }))).catch(() => undefined);
    }).catch(() => setEntries([]));
  }, [file, refresh]);
  const short = (v: string) => v.slice(0, 8);
  const pick = (value: string, set: (v: string) => void, label: string) => (
    <label>{label}{' '}
      <select aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
        {entries.map((e) => <option key={e.version} value={e.version}>{short(e.version)} · {e.author || '—'}</option>)}
      </select>
    </label>
  );
  const changesOf = (i: number) => {
    const newer = texts[entries[i].version], older = entries[i + 1] ? texts[entries[i + 1].version] : undefined;
    if (newer === undefined) return null;
    if (!entries[i + 1]) return <span className="muted">{t('history.first')}</span>;
    return older === undefined ? null : <ParamChangesView changes={paramChanges(older, newer)} text={newer} testid={`changes-${short(entries[i].version)}`} />;
  };
  const between = shown?.kind === 'params' && texts[shown.from] !== undefined && texts[shown.to] !== undefined
    ? <ParamChangesView changes={paramChanges(texts[shown.from], texts[shown.to])} text={texts[shown.to]} testid="version-changes" /> : null;
  return (
    <section className="history" aria-label={t('history.title')}>
      <h3>{t('history.title')}</h3>
      {entries.length === 0 ? <p className="muted">{t('history.empty')}</p> : (
        <>
          <table data-testid="history-table">
            <thead><tr><th>{t('history.version')}</th><th>{t('history.message')}</th><th>{t('history.changes')}</th><th>{t('history.impact')}</th></tr></thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.version}>
                  <td><code>{short(e.version)}</code><br />{e.author}<br /><span className="muted">{e.savedAt ? new Date(e.savedAt).toLocaleString(language) : ''}</span><br />
                    {comparing === e.version ? <span className="muted">{t('history.comparing')}</span>
                      : <button type="button" className="link" aria-label={`${t('history.compareWith')} ${short(e.version)}`} onClick={() => onCompare(e)}>{t('history.compareWith')}</button>}</td>
                  <td>{e.message}</td>
                  <td>{changesOf(i)}</td>
                  <td className="money" data-testid={`impact-${short(e.version)}`}>{e.impact?.delta?.total !== undefined ? formatDelta(e.impact.delta.total, language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="diff-pick">
            {pick(from, setFrom, t('history.from'))} {pick(to, setTo, t('history.to'))}
            <button type="button" onClick={() => setShown({ kind: 'params', from, to })}>{t('history.compare')}</button>
            <button type="button" onClick={() => api.diff(file, from, to).then((d) => setShown({ kind: 'yaml', from, to, unified: d.unified }))}>{t('history.diff')}</button>
          </div>
          {between}
          {shown?.kind === 'yaml' && shown.unified !== undefined ? <DiffText text={shown.unified} /> : null}
        </>
      )}
    </section>
  );
}

export function DiffText({ text }: { text: string }) {
  return (
    <pre className="diff" data-testid="diff">
      {text.split('\n').map((l, i) => <span key={i} className={l.startsWith('+') && !l.startsWith('+++') ? 'add' : l.startsWith('-') && !l.startsWith('---') ? 'del' : undefined}>{l + '\n'}</span>)}
    </pre>
  );
}
