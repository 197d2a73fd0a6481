// Messages of the expression parser, and the parts of an expression that other messages name.
import { entry } from '../message.js';

export const expressionMessages = {
  'syntax.too-many-tokens': entry(
    (p: { limit: number }) => `the expression has more than ${p.limit} tokens, the limit on expression size: split it into metrics`,
    (p) => `表达式超过 ${p.limit} 个词元，超出表达式大小的上限：请拆分为多个指标`),
  'syntax.digit-name': entry(
    (p: { text: string }) => `unexpected \`${p.text}\`: a name cannot start with a digit`,
    (p) => `意外的 \`${p.text}\`：名称不能以数字开头`),
  'syntax.unclosed-text': entry(
    (p: { quote: string }) => `unclosed text: add the closing ${p.quote}`,
    (p) => `文本未闭合：请补上结尾的 ${p.quote}`),
  'syntax.unexpected-character': entry(
    (p: { char: string }) => `unexpected character \`${p.char}\``,
    (p) => `意外的字符 \`${p.char}\``),
  'syntax.expected-token': entry(
    (p: { expected: string; got: string }) => `expected \`${p.expected}\`, got ${p.got}`,
    (p) => `此处应为 \`${p.expected}\`，实际为 ${p.got}`),
  'syntax.expected-key': entry(
    (p: { got: string }) => `expected a key after \`.\`, got ${p.got}`,
    (p) => `\`.\` 之后应为键名，实际为 ${p.got}`),
  'syntax.unexpected': entry(
    (p: { text: string }) => `unexpected \`${p.text}\``,
    (p) => `意外的 \`${p.text}\``),
  'syntax.expected-operand': entry(
    (p: { got: string }) => `expected a number, a text, a name or \`(\`, got ${p.got}`,
    (p) => `此处应为数字、文本、名称或 \`(\`，实际为 ${p.got}`),
  'syntax.trailing': entry(
    (p: { got: string }) => `unexpected ${p.got} after a complete expression`,
    (p) => `完整的表达式之后出现了意外的 ${p.got}`),
  'syntax.too-deep': entry(
    (p: { limit: number }) => `the expression nests more than ${p.limit} levels deep, the limit on expression depth: split it into metrics`,
    (p) => `表达式嵌套超过 ${p.limit} 层，超出表达式深度的上限：请拆分为多个指标`),
  'syntax.end': entry(
    () => 'the end of the expression',
    () => '表达式结尾'),
  'syntax.token': entry(
    (p: { text: string }) => `\`${p.text}\``,
    (p) => `\`${p.text}\``),

  // what `expr.wrong-type` names
  'what.map-key': entry(() => 'the key of a map', () => '映射的键'),
  'what.index': entry(() => 'an index', () => '下标'),
  'what.minus-operand': entry(() => 'the operand of `-`', () => '`-` 的操作数'),
  'what.not-operand': entry(() => 'the operand of `not`', () => '`not` 的操作数'),
  'what.left': entry((p: { op: string }) => `the left side of \`${p.op}\``, (p) => `\`${p.op}\` 的左边`),
  'what.right': entry((p: { op: string }) => `the right side of \`${p.op}\``, (p) => `\`${p.op}\` 的右边`),
  'what.if-condition': entry(() => 'the condition of `if`', () => '`if` 的条件'),
  'what.argument-n': entry((p: { n: number; callee: string }) => `argument ${p.n} of \`${p.callee}\``, (p) => `\`${p.callee}\` 的第 ${p.n} 个参数`),
  'what.argument': entry((p: { callee: string }) => `the argument of \`${p.callee}\``, (p) => `\`${p.callee}\` 的参数`),
  'what.round-value': entry(() => 'the first argument of `round`', () => '`round` 的第一个参数'),
  'what.round-places': entry(() => 'the places of `round`', () => '`round` 的小数位数'),
};
