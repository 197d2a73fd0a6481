// The versions of a policy with who saved them, when and why, and the diff between any two.
import { useEffect, useState } from 'react';
import { api, type HistoryEntry } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';

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
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<string | undefined>();
  useEffect(() => {
    api.history(file).then((h) => {
      setEntries(h);
      setTo(h[0]?.version ?? '');
      setFrom(h[1]?.version ?? h[0]?.version ?? '');
      setDiff(undefined);
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
  return (
    <section className="history" aria-label={t('history.title')}>
      <h3>{t('history.title')}</h3>
      {entries.length === 0 ? <p className="muted">{t('history.empty')}</p> : (
        <>
          <table data-testid="history-table">
            <thead><tr><th>{t('history.version')}</th><th>{t('history.author')}</th><th>{t('history.when')}</th><th>{t('history.message')}</th><th>{t('history.compare')}</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.version}>
                  <td><code>{short(e.version)}</code></td>
                  <td>{e.author}</td>
                  <td>{e.savedAt ? new Date(e.savedAt).toLocaleString(language) : ''}</td>
                  <td>{e.message}</td>
                  <td>{comparing === e.version ? <span className="muted">{t('history.comparing')}</span>
                    : <button type="button" className="link" aria-label={`${t('history.compareWith')} ${short(e.version)}`} onClick={() => onCompare(e)}>{t('history.compareWith')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="diff-pick">
            {pick(from, setFrom, t('history.from'))} {pick(to, setTo, t('history.to'))}
            <button type="button" onClick={() => api.diff(file, from, to).then((d) => setDiff(d.unified))}>{t('history.diff')}</button>
          </div>
          {diff !== undefined ? <DiffText text={diff} /> : null}
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
