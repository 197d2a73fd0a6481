// The parameter form beside the code: every parameter of the last valid policy, with the values
// the YAML holds now, each edit rewriting the YAML in place (yaml-rewrite) so comments and layout survive.
import { useMemo } from 'react';
import type { ParamInfo } from '../../../engine/index.js';
import { useI18n } from '../i18n/i18n.js';
import { ParamField, type FieldEdits } from './param-field.js';
import { labelsFromText, localizeParam } from './localized.js';
import { paramsFromText } from './values-from-text.js';
import { appendYamlRow, deleteYamlValue, setYamlValue, type YamlPath } from './yaml-rewrite.js';

interface Props {
  params: ParamInfo[];
  text: string;
  onText: (text: string) => void;
  stale: boolean;
}

export function ParamForm({ params: outline, text, onText, stale }: Props) {
  const { t, language } = useI18n();
  // Names and types from the last valid policy; values and labels from the text as it is now.
  const params = useMemo(() => {
    const labels = labelsFromText(text).params;
    return paramsFromText(outline, text).map((p) => localizeParam(p, labels.get(p.name), language));
  }, [outline, text, language]);
  const editsFor = (name: string): FieldEdits => {
    const at = (sub: YamlPath): YamlPath => ['params', name, 'value', ...sub];
    return {
      set: (sub, value) => onText(setYamlValue(text, at(sub), value)),
      remove: (sub) => onText(deleteYamlValue(text, at(sub))),
      appendRow: (row) => onText(appendYamlRow(text, at([]), row)),
    };
  };
  return (
    <section className="param-form" aria-label={t('form.title')}>
      <h2>{t('form.title')}</h2>
      {stale ? <p className="note warn">{t('form.staleNote')}</p> : null}
      {params.map((p) => (
        <div key={p.name} className={`param param-${p.type}`} data-param={p.name}>
          <div className="param-head">
            {p.title ? <span className="param-title">{p.title}</span> : null}
            <span className="param-name">{p.name}</span>
            <span className="param-type">{p.type}{p.of ? ` of ${p.of}` : ''}</span>
            {p.unit ? <span className="param-unit">{p.unit}</span> : null}
          </div>
          {p.description ? <div className="param-desc">{p.description}</div> : null}
          <ParamField param={p} edits={editsFor(p.name)} />
        </div>
      ))}
    </section>
  );
}
