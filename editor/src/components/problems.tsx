// The list of problems under the editor, each `file:line:column field: message` (a cell, `facts.xlsx!D29`, for spreadsheets); with `onJump`, a
// problem of the open policy is a button that puts the cursor at its line and column.
import type { Diagnostic } from '../../../engine/index.js';
import { locationText } from '../datasets/cell-ref.js';
import { engineText } from '../i18n/engine-text.js';
import { useI18n } from '../i18n/i18n.js';

interface Props {
  diagnostics: Diagnostic[];
  title?: string;
  /** Jumps to a problem's place; offered for the problems `canJump` accepts. */
  onJump?: (d: Diagnostic) => void;
  canJump?: (d: Diagnostic) => boolean;
}

export function Problems({ diagnostics, title, onJump, canJump }: Props) {
  const { t, language } = useI18n();
  return (
    <section className="problems" aria-label={title ?? t('editor.problems')}>
      <h3>{title ?? t('editor.problems')}</h3>
      {diagnostics.length === 0 ? <p className="muted">{t('editor.noProblems')}</p> : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={`problem ${d.severity}`} data-testid="problem">
              {onJump && (canJump?.(d) ?? true)
                ? <button type="button" className="link" title={t('editor.jumpTo', { line: d.line })} onClick={() => onJump(d)}><code>{locationText(d)}</code></button>
                : <code>{locationText(d)}</code>}
              {' '}{d.field ? <b>{d.field}: </b> : null}{engineText(d.message, d.msg, language)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
