// The list of problems under the editor, each `line:column field: message`.
import type { Diagnostic } from '../../../engine/index.js';
import { useI18n } from '../i18n/i18n.js';

export function Problems({ diagnostics, title }: { diagnostics: Diagnostic[]; title?: string }) {
  const { t } = useI18n();
  return (
    <section className="problems" aria-label={title ?? t('editor.problems')}>
      <h3>{title ?? t('editor.problems')}</h3>
      {diagnostics.length === 0 ? <p className="muted">{t('editor.noProblems')}</p> : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={`problem ${d.severity}`} data-testid="problem">
              <code>{d.file}:{d.line}:{d.column}</code> {d.field ? <b>{d.field}: </b> : null}{d.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
