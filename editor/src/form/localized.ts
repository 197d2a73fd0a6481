// Localized labels of a policy (`labels: {zh-CN: {title, description, unit}}` on the policy, its
// parameters, facts, metrics and rules): the text of the reader's language, then of its base
// language (`zh` for `zh-CN`), else the policy's own description and unit.
import { isMap, parseDocument } from 'yaml';
import type { ParamInfo } from '../../../engine/index.js';

export interface LabelText { title?: string; description?: string; unit?: string }
export type Labels = Record<string, LabelText>;

export function labelFor(labels: Labels | undefined, language: string): LabelText {
  if (!labels) return {};
  return labels[language] ?? labels[language.split('-')[0]] ?? {};
}

/** The `labels` of every parameter as the YAML text holds them now (none when it does not parse). */
export function paramLabelsFromText(text: string): Map<string, Labels> {
  const out = new Map<string, Labels>();
  const doc = parseDocument(text);
  const params = doc.errors.length ? undefined : doc.get('params', true);
  if (!isMap(params)) return out;
  for (const pair of params.items) {
    const labels = isMap(pair.value) ? pair.value.get('labels', true) : undefined;
    if (isMap(labels)) out.set(String((pair.key as { value?: unknown })?.value ?? pair.key), labels.toJSON() as Labels);
  }
  return out;
}

/** A parameter as the form shows it in `language`: its localized title, description and unit. */
export interface FormParam extends ParamInfo { title?: string }

export function localizeParam(param: ParamInfo, labels: Labels | undefined, language: string): FormParam {
  const l = labelFor(labels, language);
  return { ...param, title: l.title, description: l.description ?? param.description, unit: l.unit ?? param.unit };
}
