// Applies a parameter file: a YAML map of parameter name → value, deep-merged over the
// policy's values (maps merge, lists and scalars replace). Messages about an overridden value
// point into the parameter file, where the user typed it.
import { Exact } from '../exact/exact.js';
import { errorAt } from '../errors.js';
import { suggest } from '../compile/suggest.js';
import type { Diagnostic, SourceLocation, SourceText } from '../types.js';
import { readYaml, type Path, type YamlSource } from './yaml-source.js';
import { emptyMap } from './yaml-values.js';
import { msg } from '../messages/msg.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Exact);

export function deepMerge(base: unknown, over: unknown): unknown {
  if (isMap(base) && isMap(over)) {
    const out = Object.assign(emptyMap(), base);
    for (const [k, v] of Object.entries(over)) out[k] = Object.hasOwn(base, k) ? deepMerge(base[k], v) : v;
    return out;
  }
  return over;
}

export function mergeOverrides(doc: Record<string, unknown>, policy: YamlSource, overrides: SourceText) {
  const o = readYaml(overrides);
  const diagnostics: Diagnostic[] = o.diagnostics.filter((d) => d.severity === 'error');
  const params = isMap(doc.params) ? doc.params : emptyMap();
  if (!diagnostics.length && o.exact !== null && o.exact !== undefined) {
    if (!isMap(o.exact)) {
      diagnostics.push(errorAt({ file: overrides.file, line: 1, column: 1 }, '', msg('overrides.not-a-map'), 'overrides'));
    } else {
      for (const [name, value] of Object.entries(o.exact)) {
        const param = Object.hasOwn(params, name) ? params[name] : undefined;
        if (!isMap(param)) {
          const hint = suggest(name, Object.keys(params));
          diagnostics.push(errorAt(o.locateKey([name]), name,
            msg('overrides.unknown-param', { name, hint, expected: Object.keys(params) }), 'overrides'));
          continue;
        }
        if (param.type === 'map' && isMap(param.value) && isMap(value)) {
          // a map's keys are read by name (`card_rate.mobile`): a new key would never be read
          const keys = Object.keys(param.value);
          for (const key of Object.keys(value).filter((k) => !Object.hasOwn(param.value as object, k))) {
            const hint = suggest(key, keys);
            diagnostics.push(errorAt(o.locateKey([name, key]), `${name}.${key}`,
              msg('overrides.unknown-key', { key, name, hint, expected: keys }), 'overrides'));
          }
        }
        param.value = deepMerge(param.value, value);
      }
    }
  }
  const locate = (path: Path, offset?: number, length?: number): SourceLocation => {
    if (path[0] === 'params' && path[2] === 'value') {
      const inOverrides = [path[1], ...path.slice(3)];
      if (o.has(inOverrides)) return o.locate(inOverrides, offset, length);
    }
    return policy.locate(path, offset, length);
  };
  return { diagnostics, locate, overrides: o as YamlSource };
}
