// Messages about policy files: YAML, the JSON Schema, parameter overrides.
import { entry } from '../message.js';
import { ticks, zhTicks } from '../format.js';

/** A list cut after its first names: `` `a`, `b` and 3 more ``. */
const oneOf = (names: string[], shown: number, zh: boolean) => {
  const list = zh ? zhTicks(names.slice(0, shown)) : ticks(names.slice(0, shown));
  if (names.length <= shown) return list;
  return zh ? `${list} 等 ${names.length} 个` : `${list} and ${names.length - shown} more`;
};
const kindZh: Record<string, string> = { 'a map': '映射', 'a list': '列表', 'an alias': '别名', 'an empty value': '空值' };
const zhKind = (k: string) => kindZh[k] ?? k;

export const policyMessages = {
  'policy.not-a-policy': entry(
    () => 'expected a policy: a YAML map with `id`, `name`, `version`, `applies_to` and `rules`',
    () => '此处应为政策：一个含有 `id`、`name`、`version`、`applies_to` 和 `rules` 的 YAML 映射'),
  'schema.unknown-field': entry(
    (p: { name: string }) => `unknown field \`${p.name}\``,
    (p) => `未知字段 \`${p.name}\``),
  'schema.required': entry(
    (p: { name: string }) => `missing field \`${p.name}\``,
    (p) => `缺少字段 \`${p.name}\``),
  'schema.type': entry(
    (p: { type: string; got: string }) => `expected ${p.type === 'array' ? 'a list' : p.type === 'object' ? 'a map' : `a ${p.type}`}, got \`${p.got}\``,
    (p) => `此处应为${({ array: '列表', object: '映射', string: '文本', number: '数值', integer: '整数', boolean: '真/假值' } as Record<string, string>)[p.type] ?? p.type}，实际为 \`${p.got}\``),
  'schema.enum': entry(
    (p: { allowed: string[]; got: string }) => `expected one of ${ticks(p.allowed)}, got \`${p.got}\``,
    (p) => `此处应为 ${zhTicks(p.allowed)} 之一，实际为 \`${p.got}\``),
  'schema.const': entry(
    (p: { allowed: string; got: string }) => `expected \`${p.allowed}\`, got \`${p.got}\``,
    (p) => `此处应为 \`${p.allowed}\`，实际为 \`${p.got}\``),
  'schema.pattern': entry(
    (p: { value: string; hyphen: boolean }) => `\`${p.value}\` is not valid here: use lowercase letters, digits and \`_\`${p.hyphen ? ' or `-`' : ''}`,
    (p) => `\`${p.value}\` 在此处无效：请使用小写字母、数字和 \`_\`${p.hyphen ? ' 或 `-`' : ''}`),
  'schema.min-items': entry(
    (p: { limit: number }) => `expected at least ${p.limit} item${p.limit === 1 ? '' : 's'}`,
    (p) => `至少应有 ${p.limit} 项`),
  'schema.min-length': entry(
    () => 'must not be empty',
    () => '不能为空'),
  'schema.property-name': entry(
    (p: { name: string }) => `invalid name \`${p.name}\`: use lowercase letters, digits and \`_\``,
    (p) => `名称 \`${p.name}\` 无效：请使用小写字母、数字和 \`_\``),
  'schema.other': entry(
    (p: { detail?: string }) => p.detail ?? 'does not match the schema',
    (p) => p.detail ? `不符合 schema：${p.detail}` : '不符合 schema'),
  'schema.no-form': entry(
    (p: { detail?: string }) => `does not match any accepted form (${p.detail})`,
    (p) => `不符合任何一种可接受的写法（${p.detail}）`),
  'overrides.not-a-map': entry(
    () => 'expected a map of parameter name → value',
    () => '此处应为“参数名 → 值”的映射'),
  'overrides.unknown-param': entry(
    (p: { name: string; hint?: string; expected: string[] }) => `unknown parameter \`${p.name}\`${p.hint ? `; did you mean \`${p.hint}\`?` : `, expected one of ${oneOf(p.expected, 12, false)}`}`,
    (p) => `未知参数 \`${p.name}\`${p.hint ? `；是否想写 \`${p.hint}\`？` : `，应为 ${oneOf(p.expected, 12, true)} 之一`}`),
  'overrides.unknown-key': entry(
    (p: { key: string; name: string; hint?: string; expected: string[] }) => `unknown key \`${p.key}\` of \`${p.name}\`${p.hint ? `; did you mean \`${p.hint}\`?` : `, expected one of ${oneOf(p.expected, 12, false)}`}`,
    (p) => `\`${p.name}\` 没有键 \`${p.key}\`${p.hint ? `；是否想写 \`${p.hint}\`？` : `，应为 ${oneOf(p.expected, 12, true)} 之一`}`),
  'yaml.parser': entry(
    (p: { detail: string }) => `yaml: ${p.detail}`,
    (p) => `YAML：${p.detail}`),
  'yaml.too-deep-to-read': entry(
    (p: { limit: number }) => `yaml: the document nests too deeply to read, over the limit of ${p.limit} levels`,
    (p) => `YAML：文档嵌套过深，超过 ${p.limit} 层的上限，无法读取`),
  'yaml.two-documents': entry(
    () => 'yaml: a file holds one YAML document: remove the `---` that starts a second one',
    () => 'YAML：一个文件只能有一个 YAML 文档：请删除开始第二个文档的 `---`'),
  'yaml.alias-expansion': entry(
    (p: { limit: number }) => `yaml: aliases expand to more than ${p.limit} values, the limit on alias expansion`,
    (p) => `YAML：别名展开后超过 ${p.limit} 个值，超出别名展开的上限`),
  'yaml.alias-no-anchor': entry(
    (p: { name: string }) => `yaml: alias \`*${p.name}\` has no anchor \`&${p.name}\` before it`,
    (p) => `YAML：别名 \`*${p.name}\` 之前没有锚点 \`&${p.name}\``),
  'yaml.alias-cycle': entry(
    (p: { name: string }) => `yaml: alias \`*${p.name}\` is inside the value it names: a value cannot contain itself`,
    (p) => `YAML：别名 \`*${p.name}\` 位于它所指的值之内：一个值不能包含它自己`),
  'yaml.too-deep': entry(
    (p: { limit: number }) => `yaml: nested more than ${p.limit} levels deep, the limit on nesting`,
    (p) => `YAML：嵌套超过 ${p.limit} 层，超出嵌套的上限`),
  'yaml.merge-key': entry(
    (p: { got: string }) => `yaml: a merge key \`<<\` takes a map or a list of maps, got ${p.got}`,
    (p) => `YAML：合并键 \`<<\` 需要映射或映射列表，实际为${zhKind(p.got)}`),
  'yaml.key-kind': entry(
    (p: { got: string }) => `yaml: a key must be a name or a number, got ${p.got}`,
    (p) => `YAML：键必须是名称或数字，实际为${zhKind(p.got)}`),
  'yaml.duplicate-key': entry(
    (p: { name: string; line: number }) => `yaml: map keys must be unique: \`${p.name}\` is already on line ${p.line}`,
    (p) => `YAML：映射的键不能重复：\`${p.name}\` 已出现在第 ${p.line} 行`),
  'yaml.not-decimal': entry(
    (p: { text: string; value: string }) => `\`${p.text}\` is not a decimal number: write it as \`${p.value}\``,
    (p) => `\`${p.text}\` 不是十进制数：请写作 \`${p.value}\``),
  'yaml.not-a-number': entry(
    (p: { text: string }) => `\`${p.text}\` is not a number a policy can use: expected a decimal number`,
    (p) => `\`${p.text}\` 不是政策可用的数字：应为十进制数`),
  'yaml.unsupported-tag': entry(
    (p: { tag?: string }) => `yaml: \`${p.tag ?? 'this value'}\` values are not supported here: write text, a decimal number, true or false`,
    (p) => `YAML：此处不支持 \`${p.tag ?? '这种'}\` 值：请写文本、十进制数、true 或 false`),
};
