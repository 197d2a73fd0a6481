// Parameter changes as people read them: `step_rate` 2 % → 3 % (formatted as the form formats
// them), the parameter's localized title beside its name, and a note when more than numbers changed.
import { labelFor, labelsFromText } from '../form/localized.js';
import { formatParamValue } from '../format/param-value.js';
import { useI18n } from '../i18n/i18n.js';
import type { VersionChanges } from './param-changes.js';

export function ParamChangesView({ changes: { changes, otherEdits }, text, testid }: { changes: VersionChanges; text: string; testid?: string }) {
  const { t, language } = useI18n();
  const labels = labelsFromText(text).params;
  const value = (v: string | undefined, type: string | undefined) => (v === undefined ? '—' : formatParamValue(v, type, language));
  if (!changes.length && !otherEdits) return <span className="muted" data-testid={testid}>{t('history.noParamChange')}</span>;
  return (
    <ul className="param-changes" data-testid={testid}>
      {changes.map((c) => {
        const title = labelFor(labels.get(c.name), language).title;
        return (
          <li key={`${c.name}/${c.at.join('/')}`}>
            <code>{[c.name, ...c.at].join(' · ')}</code>{title ? <span className="muted"> {title}</span> : null}{' '}
            <span className="change">{value(c.before, c.type)} → {value(c.after, c.type)}</span>
          </li>
        );
      })}
      {otherEdits ? <li className="muted">{changes.length ? '+ ' : ''}{t('history.otherChanges')}</li> : null}
    </ul>
  );
}
