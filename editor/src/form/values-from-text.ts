// The parameter values as the YAML text holds them right now, read synchronously on every edit,
// so the form never waits for (or is reset by) the worker's later answer. Numbers are the source
// text of their scalar (`1.50` stays `1.50`, never a float); a parameter whose value cannot be
// read from the text keeps the worker's last valid value.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { ParamInfo, ParamValue } from '../../../engine/index.js';

export function valueOf(node: unknown, text: string): ParamValue | undefined {
  if (isScalar(node)) {
    if (node.type === 'PLAIN' && node.range) return text.slice(node.range[0], node.range[1]);
    return node.value === null || node.value === undefined ? undefined : String(node.value);
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => valueOf(item, text));
    return items.every((i) => i !== undefined) ? (items as ParamValue[]) : undefined;
  }
  if (isMap(node)) {
    const out: Record<string, ParamValue> = {};
    for (const pair of node.items) {
      const value = valueOf(pair.value, text);
      if (!isScalar(pair.key) || value === undefined) return undefined;
      out[String(pair.key.value)] = value;
    }
    return out;
  }
  return undefined;
}

/** Same shape as the worker's value: a scalar for a scalar, an object for a map, a list for a list. */
const sameShape = (a: ParamValue, b: ParamValue) =>
  typeof a === typeof b && Array.isArray(a) === Array.isArray(b);

export function paramsFromText(params: ParamInfo[], text: string): ParamInfo[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return params;
  return params.map((p) => {
    const node = doc.getIn(['params', p.name, 'value'], true) as YamlNode | undefined;
    const value = node === undefined ? undefined : valueOf(node, text);
    return value !== undefined && sameShape(value, p.value) ? { ...p, value } : p;
  });
}
