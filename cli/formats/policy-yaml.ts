// A policy's YAML read for documents: plain values with every number as written (`1.50`, not a
// float), and the 简体中文 labels (`labels: {zh-CN: {title, description, unit}}`) of any part.
import { parseDocument, visit } from 'yaml';

export type YamlNode = Record<string, unknown>;

/** The policy file as plain values, every number as written. */
export function policyAsWritten(text: string): YamlNode {
  const doc = parseDocument(text);
  visit(doc, { Scalar: (_, node) => { if (typeof node.value === 'number') node.value = node.source ?? String(node.value); } });
  const value = doc.toJS();
  return value && typeof value === 'object' ? (value as YamlNode) : {};
}

export interface ZhLabel { title?: string; description?: string; unit?: string }

/** The zh-CN label of a part of the policy (the policy itself, a fact, a parameter, a metric, a rule). */
export function zhLabel(node: unknown): ZhLabel {
  const labels = (node && typeof node === 'object' ? (node as YamlNode).labels : undefined) as Record<string, ZhLabel> | undefined;
  return labels?.['zh-CN'] ?? labels?.zh ?? {};
}

/** Rule id → its Chinese title (or its description), for statements. */
export function ruleTitles(text: string): Record<string, string> {
  const rules = (policyAsWritten(text).rules ?? []) as YamlNode[];
  return Object.fromEntries(rules.filter((r) => typeof r.id === 'string').map((r) => [r.id as string, zhLabel(r).title ?? String(r.description ?? '')]));
}
