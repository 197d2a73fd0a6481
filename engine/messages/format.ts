// How rendered messages show values: names in backticks, lists, and in 简体中文 money and
// shares as the editor's form shows them (`¥1,234.50`, `92.3 %`), from exact decimal text
// (never through a float).

/** `` `a`, `b` ``: each name in backticks. */
export const ticks = (names: readonly string[], sep = ', ') => names.map((n) => `\`${n}\``).join(sep);

/** Chinese enumeration: `` `a`、`b` ``. */
export const zhTicks = (names: readonly string[]) => ticks(names, '、');

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** `1234.5` → `1,234.5`; text that is not a plain decimal is returned as it is. */
export function groupThousands(text: string): string {
  const m = DECIMAL.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] !== undefined ? '.' + m[3] : ''}`;
}

/** An amount as the form shows it: `-905.38` → `-¥905.38`, `1234.50` → `¥1,234.50`. */
export function yuan(text: string): string {
  const m = DECIMAL.exec(text);
  if (!m) return text;
  const sign = m[1] === '-' ? '-' : '';
  return `${sign}¥${groupThousands(m[2] + (m[3] !== undefined ? '.' + m[3] : ''))}`;
}

/** A share as the form shows it: `0.923` → `92.3 %`, `0.02` → `2 %`, exactly (the decimal point moves). */
export function percent(text: string): string {
  // a value cut short in a trace (`0.978999915817…`) keeps its mark
  if (text.endsWith('…')) { const p = percent(text.slice(0, -1)); return p === text.slice(0, -1) ? text : p.replace(/ %$/, '… %'); }
  const m = DECIMAL.exec(text);
  if (!m) return text;
  const digits = (m[2] + (m[3] ?? '').padEnd(2, '0'));
  const cut = m[2].length + 2;
  const whole = digits.slice(0, cut).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(cut).replace(/0+$/, '');
  return `${m[1] === '-' ? '-' : ''}${whole}${frac ? '.' + frac : ''} %`;
}

/** The value types of policies and expressions, in Chinese. */
const ZH_TYPES: Record<string, string> = {
  number: '数值', boolean: '真/假值', string: '文本', text: '文本', map: '映射', list: '列表', tiers: '阶梯表',
  schedule: '返还计划', rate: '比率', ratio: '比值', money: '金额', count: '计数', integer: '整数', month: '月份',
  fact: '事实', attribute: '属性', param: '参数', metric: '指标', rule: '规则', field: '字段', derived: '派生值',
  builtin: '内置值', line: '行', commission: '佣金', deduction: '扣款', refund: '返还', bonus: '奖励',
};

/** A type or kind name in Chinese (`number` → `数值`); an unknown one is kept as written. */
export const zhType = (t: string) => ZH_TYPES[t] ?? t;
