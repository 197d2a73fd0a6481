// Localized labels of a policy (`labels: {zh-CN: {title, description, unit}}` on the policy, its
// parameters, facts, metrics and rules): the text of the reader's language, then of its base
// language (`zh` for `zh-CN`), else the policy's own description and unit.
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { ParamInfo } from '../../../engine/index.js';

export interface LabelText { title?: string; description?: string; unit?: string }
export type Labels = Record<string, LabelText>;

export function labelFor(labels: Labels | undefined, language: string): LabelText {
  if (!labels) return {};
  return labels[language] ?? labels[language.split('-')[0]] ?? {};
}

export interface PolicyLabels {
  policy?: Labels;
  /** By name (parameters, facts, metrics) or id (rules). */
  params: Map<string, Labels>;
  facts: Map<string, Labels>;
  metrics: Map<string, Labels>;
  rules: Map<string, Labels>;
}

const labelsOf = (node: unknown): Labels | undefined => {
  const labels = isMap(node) ? node.get('labels', true) : undefined;
  return isMap(labels) ? (labels.toJSON() as Labels) : undefined;
};

function byKey(section: unknown): Map<string, Labels> {
  const out = new Map<string, Labels>();
  if (isMap(section)) {
    for (const pair of section.items) {
      const labels = labelsOf(pair.value);
      if (labels) out.set(String((pair.key as { value?: unknown })?.value ?? pair.key), labels);
    }
  }
  return out;
}

/** Every `labels` of the policy as the YAML text holds them now (none when it does not parse). */
export function labelsFromText(text: string): PolicyLabels {
  const doc = parseDocument(text);
  const ok = doc.errors.length === 0 && isMap(doc.contents);
  const root = ok ? (doc.contents as YAMLMap) : undefined;
  const rules = new Map<string, Labels>();
  const seq = root?.get('rules', true);
  if (isSeq(seq)) {
    for (const rule of seq.items) {
      const labels = labelsOf(rule);
      const id = isMap(rule) ? rule.get('id') : undefined;
      if (labels && id !== undefined) rules.set(String(id), labels);
    }
  }
  return {
    policy: labelsOf(root),
    params: byKey(root?.get('params', true)),
    facts: byKey(root?.get('facts', true)),
    metrics: byKey(root?.get('metrics', true)),
    rules,
  };
}

/** A parameter as the form shows it in `language`: its localized title, description and unit. */
export interface FormParam extends ParamInfo { title?: string }

export function localizeParam(param: ParamInfo, labels: Labels | undefined, language: string): FormParam {
  const l = labelFor(labels, language);
  return { ...param, title: l.title, description: l.description ?? param.description, unit: l.unit ?? param.unit };
}
