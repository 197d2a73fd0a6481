// The JSON Schema keywords the policy schema may use: those ajv (draft 2020-12) and every
// yaml-language-server the editor or VS Code may run read the same way. yaml-language-server
// 1.23 reads the 2019-09/2020-12 keywords, but older servers (still in many VS Code installs)
// ignore them, and a keyword one side ignores lets a policy pass in the editor and fail in the
// engine (or the other way round).
const READ_BY_BOTH = new Set([
  // core and annotations
  '$schema', '$id', '$ref', '$defs', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly',
  // applicators
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
  'properties', 'additionalProperties', 'patternProperties', 'propertyNames', 'items', 'contains',
  // validation
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required',
]);

/** Why a keyword outside the list is refused, for the failure message. */
const WHY: Record<string, string> = {
  unevaluatedProperties: 'yaml-language-server before the 2019-09 validators ignores it',
  unevaluatedItems: 'yaml-language-server before the 2019-09 validators ignores it',
  dependentSchemas: 'yaml-language-server before the 2019-09 validators ignores it',
  dependentRequired: 'yaml-language-server before the 2019-09 validators ignores it',
  prefixItems: 'yaml-language-server before the 2020-12 validator ignores it',
  minContains: 'yaml-language-server before the 2019-09 validators ignores it',
  maxContains: 'yaml-language-server before the 2019-09 validators ignores it',
  $dynamicRef: 'older yaml-language-server does not resolve it',
  $dynamicAnchor: 'older yaml-language-server does not resolve it',
  $anchor: 'older yaml-language-server does not resolve it',
  $recursiveRef: 'not a 2020-12 keyword; ajv 2020 ignores it',
  $recursiveAnchor: 'not a 2020-12 keyword; ajv 2020 ignores it',
  dependencies: 'removed in 2019-09; the two sides disagree on it',
  additionalItems: 'removed in 2020-12 (ajv 2020 refuses it next to array `items`)',
  definitions: 'use `$defs`',
  format: 'ajv checks no format without ajv-formats; yaml-language-server checks several',
  contentMediaType: 'annotation only in ajv; not read by yaml-language-server',
  contentEncoding: 'annotation only in ajv; not read by yaml-language-server',
  contentSchema: 'annotation only in ajv; not read by yaml-language-server',
};

export interface KeywordUse { path: string; keyword: string; why: string }

const SCHEMA_VALUED = ['additionalProperties', 'propertyNames', 'items', 'contains', 'not', 'if', 'then', 'else'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

/** Every keyword of `schema` (and its subschemas) outside the list both sides read, with where it is. */
export function keywordsOutsideCommonList(schema: unknown, path = '#'): KeywordUse[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const found: KeywordUse[] = [];
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}/${key}`;
    if (!READ_BY_BOTH.has(key)) found.push({ path: at, keyword: key, why: WHY[key] ?? 'not a keyword both ajv and yaml-language-server read' });
    else if (key === 'items' && Array.isArray(value)) found.push({ path: at, keyword: 'items (array form)', why: 'a tuple in draft 7, refused by 2020-12: use a single schema' });
    else if (SCHEMA_VALUED.includes(key)) found.push(...keywordsOutsideCommonList(value, at));
    else if (SCHEMA_MAPS.includes(key) && typeof value === 'object' && value !== null) {
      for (const [name, sub] of Object.entries(value)) found.push(...keywordsOutsideCommonList(sub, `${at}/${name}`));
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) value.forEach((sub, i) => found.push(...keywordsOutsideCommonList(sub, `${at}/${i}`)));
  }
  return found;
}
