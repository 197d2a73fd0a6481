// Messages of the policy compiler: names, types, conditions, amounts, parameters.
import { entry } from '../message.js';
import { ticks, zhTicks, zhType as t } from '../format.js';

export const compileMessages = {
  // names
  'compile.already-defined': entry(
    (p: { name: string; kind: string; at: string }) => `\`${p.name}\` is already defined as a ${p.kind} at ${p.at}: names of facts, params, metrics and lines must differ`,
    (p) => `\`${p.name}\` 已在 ${p.at} 定义为${t(p.kind)}：事实、参数、指标和行的名称不能重复`),
  'compile.duplicate-rule': entry(
    (p: { id: string }) => `duplicate rule id \`${p.id}\`: each rule is one statement line`,
    (p) => `规则编号 \`${p.id}\` 重复：每条规则对应结算单上的一行`),
  'compile.metric-cycle': entry(
    (p: { cycle: string[] }) => `metrics form a cycle: ${ticks(p.cycle, ' → ')}`,
    (p) => `指标之间形成循环引用：${ticks(p.cycle, ' → ')}`),
  'compile.hyphenated-name': entry(
    (p: { name: string }) => `\`${p.name}\` has a \`-\` in its name, which an expression reads as a minus: names with \`-\` can be read only in conditions; name the column without \`-\` to compute with it`,
    (p) => `\`${p.name}\` 的名称含有 \`-\`，表达式会把它读作减号：含 \`-\` 的名称只能在条件中使用；要参与计算，请将列名改为不含 \`-\``),
  'compile.unknown-name': entry(
    (p: { name: string; hint?: string }) => `unknown name \`${p.name}\`: not a fact, param, metric or line of this policy${p.hint ? `; did you mean \`${p.hint}\`?` : ''}`,
    (p) => `未知名称 \`${p.name}\`：不是本政策的事实、参数、指标或行${p.hint ? `；是否想写 \`${p.hint}\`？` : ''}`),
  'compile.expected-expression': entry(
    () => 'expected an expression',
    () => '此处应为表达式'),
  'compile.syntax-error': entry(
    (p: { detail: string }) => `syntax error: ${p.detail}`,
    (p) => `语法错误：${p.detail}`),
  'compile.rank-key': entry(
    (p: { name: string }) => `\`${p.name}\` cannot order a rank: it must be a number known before any line is paid`,
    (p) => `\`${p.name}\` 不能用于排名：排名依据必须是在发放任何行之前就已知的数值`),
  'compile.unknown-condition': entry(
    (p: { name: string; hint?: string }) => `unknown condition \`${p.name}\`${p.hint ? `; did you mean \`${p.hint}\`?` : ''}`,
    (p) => `未知条件 \`${p.name}\`${p.hint ? `；是否想写 \`${p.hint}\`？` : ''}`),
  'compile.condition-cycle': entry(
    (p: { name: string }) => `conditions form a cycle through \`${p.name}\``,
    (p) => `条件经由 \`${p.name}\` 形成循环引用`),
  'compile.line-order': entry(
    (p: { id: string; line: string; itself: boolean }) => `rule \`${p.id}\` reads the line \`${p.line}\`, which ${p.itself ? 'is itself' : 'comes after it'}: move \`${p.line}\` above \`${p.id}\``,
    (p) => `规则 \`${p.id}\` 读取了行 \`${p.line}\`，${p.itself ? '而那正是它自己' : '但该行排在它之后'}：请把 \`${p.line}\` 移到 \`${p.id}\` 之前`),

  // conditions
  'condition.unsupported-path': entry(
    (p: { path: string }) => `unsupported path \`${p.path}\`, expected a path like \`$.mobile\` or \`$[0]\``,
    (p) => `不支持的路径 \`${p.path}\`，应为 \`$.mobile\` 或 \`$[0]\` 这样的路径`),
  'condition.group-not-list': entry(
    (p: { kind: string }) => `\`${p.kind}\` must be a list of conditions`,
    (p) => `\`${p.kind}\` 必须是条件列表`),
  'condition.expected-object': entry(
    () => 'expected a condition object',
    () => '此处应为条件对象'),
  'condition.unknown-operator': entry(
    (p: { operator: string; expected: string[] }) => `unknown operator \`${p.operator}\`, expected one of ${ticks(p.expected)}`,
    (p) => `未知运算符 \`${p.operator}\`，应为 ${zhTicks(p.expected)} 之一`),
  'condition.numeric-fact': entry(
    (p: { operator: string; fact: string; type: string }) => `\`${p.operator}\` compares numbers, but \`${p.fact}\` is a ${p.type}`,
    (p) => `\`${p.operator}\` 比较的是数值，但 \`${p.fact}\` 是${t(p.type)}`),
  'condition.numeric-value': entry(
    (p: { operator: string; value: string }) => `\`${p.operator}\` needs a number to compare with, got \`${p.value}\``,
    (p) => `\`${p.operator}\` 需要一个数值来比较，实际为 \`${p.value}\``),
  'condition.list-value': entry(
    (p: { operator: string }) => `\`${p.operator}\` needs a list as its value`,
    (p) => `\`${p.operator}\` 的值必须是列表`),

  // expressions
  'expr.division-by-zero': entry(
    (p: { formula: string }) => `division by zero in \`${p.formula}\``,
    (p) => `\`${p.formula}\` 中出现除以零`),
  'expr.wrong-type': entry(
    (p: { what: string; type: string; got: string }) => `${p.what} must be a ${p.type}, got a ${p.got}`,
    (p) => `${p.what}必须是${t(p.type)}，实际为${t(p.got)}`),
  'expr.map-needed': entry(
    (p: { property: string; type: string }) => `\`.${p.property}\` needs a map, but this is a ${p.type}`,
    (p) => `\`.${p.property}\` 需要一个映射，但这里是${t(p.type)}`),
  'expr.unknown-key': entry(
    (p: { key: string; expected: string[] }) => `unknown key \`${p.key}\`, expected one of ${ticks(p.expected)}`,
    (p) => `未知键 \`${p.key}\`，应为 ${zhTicks(p.expected)} 之一`),
  'expr.index-outside': entry(
    (p: { index: string; list: string; length: number }) => `index ${p.index} is outside the list \`${p.list}\` of ${p.length} (0 to ${p.length - 1})`,
    (p) => `下标 ${p.index} 超出了列表 \`${p.list}\` 的范围（共 ${p.length} 项，下标 0 到 ${p.length - 1}）`),
  'expr.unknown-map-key': entry(
    (p: { key: string; map: string; expected: string[] }) => `unknown key \`${p.key}\` in \`${p.map}\`, expected one of ${ticks(p.expected)}`,
    (p) => `\`${p.map}\` 中没有键 \`${p.key}\`，应为 ${zhTicks(p.expected)} 之一`),
  'expr.list-needed': entry(
    (p: { type: string }) => `\`[...]\` needs a list, but this is a ${p.type}`,
    (p) => `\`[...]\` 需要一个列表，但这里是${t(p.type)}`),
  'expr.compare-types': entry(
    (p: { left: string; right: string }) => `cannot compare a ${p.left} with a ${p.right}`,
    (p) => `不能将${t(p.left)}与${t(p.right)}比较`),
  'expr.arity': entry(
    (p: { callee: string; min: number; max: number; got: number }) => `\`${p.callee}\` takes ${p.min === p.max ? p.min : `${p.min} to ${p.max === Infinity ? 'any number of' : p.max}`} argument${p.max === 1 ? '' : 's'}, got ${p.got}`,
    (p) => `\`${p.callee}\` 需要 ${p.min === p.max ? p.min : p.max === Infinity ? `至少 ${p.min}` : `${p.min} 到 ${p.max}`} 个参数，实际为 ${p.got} 个`),
  'expr.round-places': entry(
    (p: { places: string }) => `\`round\` takes 0 to 12 places, got ${p.places}`,
    (p) => `\`round\` 的小数位数应为 0 到 12，实际为 ${p.places}`),
  'expr.has-name': entry(
    () => '`has` takes the name of an optional fact or field',
    () => '`has` 的参数必须是可选事实或字段的名称'),
  'expr.if-branches': entry(
    (p: { a: string; b: string }) => `both branches of \`if\` must have one type, got a ${p.a} and a ${p.b}`,
    (p) => `\`if\` 的两个分支类型必须一致，实际为${t(p.a)}和${t(p.b)}`),
  'expr.len-arg': entry(
    (p: { type: string }) => `\`len\` needs a list, tier list or map, got a ${p.type}`,
    (p) => `\`len\` 需要列表、阶梯表或映射，实际为${t(p.type)}`),
  'expr.unknown-function': entry(
    (p: { callee: string; expected: string[] }) => `unknown function \`${p.callee}\`, expected one of ${ticks(p.expected)}`,
    (p) => `未知函数 \`${p.callee}\`，应为 ${zhTicks(p.expected)} 之一`),
  'expr.window-target': entry(
    (p: { callee: string }) => `the first argument of \`${p.callee}\` must be the name of a fact or metric`,
    (p) => `\`${p.callee}\` 的第一个参数必须是事实或指标的名称`),
  'expr.window-arg': entry(
    (p: { callee: string; windows: string[] }) => `the second argument of \`${p.callee}\` must be a window: ${ticks(p.windows)} or \`last_N_months\``,
    (p) => `\`${p.callee}\` 的第二个参数必须是时间窗口：${zhTicks(p.windows)} 或 \`last_N_months\``),
  'expr.window-kind': entry(
    (p: { name: string; kind: string }) => `\`${p.name}\` is a ${p.kind}: only facts and metrics can be taken over a window`,
    (p) => `\`${p.name}\` 是${t(p.kind)}：只有事实和指标可以按时间窗口汇总`),
  'expr.window-lines': entry(
    (p: { name: string }) => `\`${p.name}\` reads statement lines or ranks, which exist only for the month being settled: it cannot be taken over a window`,
    (p) => `\`${p.name}\` 读取了结算行或排名，这些只在正在结算的月份存在：不能按时间窗口汇总`),
  'expr.window-boolean': entry(
    (p: { callee: string; name: string; type: string }) => `\`${p.callee}\` needs a true/false metric, \`${p.name}\` is a ${p.type}`,
    (p) => `\`${p.callee}\` 需要真/假值指标，\`${p.name}\` 是${t(p.type)}`),
  'expr.window-number': entry(
    (p: { callee: string; name: string; type: string }) => `\`${p.callee}\` needs a number, \`${p.name}\` is a ${p.type}`,
    (p) => `\`${p.callee}\` 需要数值，\`${p.name}\` 是${t(p.type)}`),
  'expr.line-window-sum': entry(
    (p: { callee: string }) => `a line is read over a window with \`sum\`, not \`${p.callee}\``,
    (p) => `按时间窗口读取行要用 \`sum\`，不能用 \`${p.callee}\``),
  'expr.line-window-earlier': entry(
    (p: { windows: string[] }) => `a line can be read only over months before this one: use ${ticks(p.windows)}`,
    (p) => `行只能读取本月之前的月份：请使用 ${zhTicks(p.windows)}`),
  'expr.empty-field': entry(
    (p: { name: string }) => `\`${p.name}\` is empty: test it with \`has(${p.name})\` first`,
    (p) => `\`${p.name}\` 为空：请先用 \`has(${p.name})\` 判断`),

  // amounts
  'amount.expected-number': entry(
    (p: { type: string }) => `expected a number, but this expression gives a ${p.type}`,
    (p) => `此处应为数值，但这个表达式得到的是${t(p.type)}`),
  'amount.only-per-transaction': entry(
    (p: { key: string }) => `\`${p.key}\` works only with \`for_each: transactions\``,
    (p) => `\`${p.key}\` 只能与 \`for_each: transactions\` 一起使用`),
  'amount.missing': entry(
    (p: { key: string }) => `missing \`${p.key}\``,
    (p) => `缺少 \`${p.key}\``),
  'amount.step-above-zero': entry(
    (p: { step: string }) => `the step must be above 0, got ${p.step}`,
    (p) => `步长必须大于 0，实际为 ${p.step}`),
  'amount.allocation-reads-lines': entry(
    (p: { key: string }) => `the ${p.key} of an allocation is needed before any line is paid: it cannot read statement lines`,
    (p) => `分配的 ${p.key} 在发放任何行之前就要用到：不能读取结算行`),
  'amount.needs-for-each': entry(
    (p: { which: string }) => `\`${p.which}\` pays per transaction: add \`for_each: transactions\` to the rule`,
    (p) => `\`${p.which}\` 按交易计酬：请在规则中加上 \`for_each: transactions\``),
  'amount.expected-amount': entry(
    () => 'expected an expression or one of `percent_of`, `per_unit`, `step_deduction`, `tier`, `refund`, `allocate`',
    () => '此处应为表达式，或 `percent_of`、`per_unit`、`step_deduction`、`tier`、`refund`、`allocate` 之一'),
  'amount.unknown-tiers': entry(
    (p: { name: string }) => `unknown tier list \`${p.name}\`: declare it under params with type tiers`,
    (p) => `未知阶梯表 \`${p.name}\`：请在 params 下声明它，类型为 tiers`),
  'amount.not-tiers': entry(
    (p: { name: string }) => `\`${p.name}\` must be a parameter of type tiers`,
    (p) => `\`${p.name}\` 必须是类型为 tiers 的参数`),
  'amount.reached-pays': entry(
    () => 'a reached tier pays a column: give `pay: <column>`, or `rate: <column>` with `base`',
    () => '达标阶梯按某一列计酬：请给出 `pay: <列>`，或 `rate: <列>` 加 `base`'),
  'amount.reached-extra': entry(
    (p: { pay: string; extra: string[] }) => `a reached tier that pays \`${p.pay}\` reads neither \`rate\` nor \`base\`: remove ${ticks(p.extra, ' and ')}`,
    (p) => `按 \`${p.pay}\` 计酬的达标阶梯不读取 \`rate\` 和 \`base\`：请删除 ${ticks(p.extra, ' 和 ')}`),
  'amount.marginal-rate': entry(
    () => 'a marginal tier list pays each band its `rate` column: give `rate: <column>`',
    () => '超额累进阶梯按每档的 `rate` 列计酬：请给出 `rate: <列>`'),
  'amount.marginal-pay': entry(
    () => 'a marginal tier list pays each band its `rate`, not a `pay` column: remove `pay`',
    () => '超额累进阶梯按每档的 `rate` 计酬，不用 `pay` 列：请删除 `pay`'),
  'amount.marginal-max': entry(
    (p: { name: string }) => `marginal bands need a \`max\` column in \`${p.name}\``,
    (p) => `超额累进的各档需要 \`${p.name}\` 中有 \`max\` 列`),
  'amount.no-column': entry(
    (p: { name: string; column: string; columns: string[] }) => `\`${p.name}\` has no column \`${p.column}\`, only ${ticks(p.columns)}`,
    (p) => `\`${p.name}\` 没有 \`${p.column}\` 列，只有 ${zhTicks(p.columns)}`),
  'amount.refund-unknown-rule': entry(
    (p: { of: string }) => `unknown rule \`${p.of}\`: a refund returns the deductions of an earlier rule`,
    (p) => `未知规则 \`${p.of}\`：返还的是排在前面的某条规则的扣款`),
  'amount.refund-not-deduction': entry(
    (p: { of: string; kind: string }) => `\`${p.of}\` is a ${p.kind} rule: a refund returns deductions`,
    (p) => `\`${p.of}\` 是${t(p.kind)}规则：返还只能返还扣款`),
  'amount.refund-order': entry(
    (p: { of: string }) => `the deduction rule \`${p.of}\` must come before the refund`,
    (p) => `扣款规则 \`${p.of}\` 必须排在返还规则之前`),
  'amount.not-schedule': entry(
    (p: { name: string }) => `\`${p.name}\` must be a parameter of type schedule`,
    (p) => `\`${p.name}\` 必须是类型为 schedule 的参数`),
  'amount.unknown-schedule': entry(
    (p: { name: string }) => `unknown schedule \`${p.name}\`: declare it under params with type schedule`,
    (p) => `未知返还计划 \`${p.name}\`：请在 params 下声明它，类型为 schedule`),
  'amount.expected-for-each': entry(
    () => 'expected `for_each: transactions`',
    () => '此处应为 `for_each: transactions`'),
  'amount.for-each-needs-transactions': entry(
    () => '`for_each: transactions` needs a `transactions` section declaring the transaction fields',
    () => '`for_each: transactions` 需要一个声明交易字段的 `transactions` 部分'),
  'amount.derived-defined': entry(
    (p: { name: string }) => `\`${p.name}\` is already defined: derived names must be new`,
    (p) => `\`${p.name}\` 已经定义过：派生名称必须是新的`),
  'amount.spread-key': entry(
    (p: { key: string; spread: string }) => `\`${p.key}\` is not read with \`${p.spread}\`${p.key === 'where' ? ': use `paid_while`' : ': each part is already at the rounding scale'}`,
    (p) => `\`${p.spread}\` 不读取 \`${p.key}\`${p.key === 'where' ? '：请使用 `paid_while`' : '：每一期已按舍入精度计算'}`),
  'amount.paid-while-boolean': entry(
    (p: { type: string }) => `\`paid_while\` must be true or false, but this expression gives a ${p.type}`,
    (p) => `\`paid_while\` 必须是真或假，但这个表达式得到的是${t(p.type)}`),
  'amount.clawback-unknown-rule': entry(
    (p: { of: string }) => `unknown rule \`${p.of}\`: a clawback takes back the instalments of an earlier rule`,
    (p) => `未知规则 \`${p.of}\`：追回的是排在前面的某条规则的分期款`),
  'amount.clawback-order': entry(
    (p: { of: string }) => `the instalments rule \`${p.of}\` must come before the clawback`,
    (p) => `分期规则 \`${p.of}\` 必须排在追回规则之前`),
  'amount.clawback-not-instalments': entry(
    (p: { of: string }) => `\`${p.of}\` does not pay \`instalments\`: a clawback takes back instalments`,
    (p) => `\`${p.of}\` 不是 \`instalments\` 分期规则：追回只能追回分期款`),

  // population
  'population.group-by': entry(
    (p: { name: string }) => `\`${p.name}\` cannot group payees: it must be a text attribute or fact (e.g. \`team: {type: text}\` under attributes)`,
    (p) => `\`${p.name}\` 不能用于给收款方分组：它必须是文本类型的属性或事实（例如在 attributes 下写 \`team: {type: text}\`）`),
  'population.aggregate-type': entry(
    (p: { aggregate: string; boolean: boolean; of: string; type: string }) => `\`${p.aggregate}\` needs ${p.boolean ? 'a true/false fact or metric (it counts the payees where it holds)' : 'a number'}, \`${p.of}\` is a ${p.type}`,
    (p) => `\`${p.aggregate}\` 需要${p.boolean ? '真/假值的事实或指标（统计其成立的收款方个数）' : '数值'}，\`${p.of}\` 是${t(p.type)}`),
  'population.aggregate-lines': entry(
    (p: { of: string }) => `\`${p.of}\` reads statement lines or population values, which are not known before payees are settled: it cannot be aggregated over the population`,
    (p) => `\`${p.of}\` 读取了结算行或总体值，这些在收款方结算之前未知：不能在总体上汇总`),

  // evaluation
  'evaluate.no-facts': entry(
    (p: { payee: string; period: string; name: string }) => `payee \`${p.payee}\` has no facts for ${p.period}, needed for \`${p.name}\``,
    (p) => `收款方 \`${p.payee}\` 没有 ${p.period} 的事实数据，而计算 \`${p.name}\` 需要它`),
  'evaluate.param-invalid': entry(
    (p: { name: string }) => `parameter \`${p.name}\` has no valid value`,
    (p) => `参数 \`${p.name}\` 没有有效的值`),
  'evaluate.no-rank': entry(
    (p: { name: string; payee: string; period: string }) => `no rank \`${p.name}\` for payee \`${p.payee}\` in ${p.period}`,
    (p) => `收款方 \`${p.payee}\` 在 ${p.period} 没有排名 \`${p.name}\``),
  'evaluate.no-population': entry(
    (p: { name: string; payee: string; period: string }) => `no population value \`${p.name}\` for payee \`${p.payee}\` in ${p.period}`,
    (p) => `收款方 \`${p.payee}\` 在 ${p.period} 没有总体值 \`${p.name}\``),
  'evaluate.no-share': entry(
    (p: { rule: string; payee: string; period: string }) => `no allocated share of \`${p.rule}\` for payee \`${p.payee}\` in ${p.period}`,
    (p) => `收款方 \`${p.payee}\` 在 ${p.period} 没有 \`${p.rule}\` 的分配份额`),
  'evaluate.parts': entry(
    (p: { id: string; parts: string }) => `transaction \`${p.id}\`: the number of parts must be a whole number from 1 to 120, got ${p.parts}`,
    (p) => `交易 \`${p.id}\`：分期数必须是 1 到 120 的整数，实际为 ${p.parts}`),
  'evaluate.data-value': entry(
    (p: { detail: string; rule: string; payee: string; period: string }) => `${p.detail}, needed by rule \`${p.rule}\` for payee \`${p.payee}\` in ${p.period}`,
    (p) => `${p.detail}；规则 \`${p.rule}\` 为收款方 \`${p.payee}\` 计算 ${p.period} 时需要它`),
  'evaluate.cannot-settle': entry(
    (p: { payee: string; period: string; detail: string }) => `cannot settle payee \`${p.payee}\` in ${p.period}: ${p.detail}`,
    (p) => `无法结算收款方 \`${p.payee}\` 的 ${p.period}：${p.detail}`),
};
