// The published policy (政策文件) in 简体中文, as one HTML page generated from the YAML: who it
// applies to, the facts it reads, every parameter with its current value (tier tables and refund
// schedules as tables), the metrics, each rule in words with its conditions and formula, and worked
// examples: the policy's own test cases, settled by the engine, each line explained.
import type { CompiledPolicy, ParamInfo, StatementLine, TableSource, WithheldItem } from '../../engine/index.js';
import { escapeHtml as escape } from './html-escape.js';
import { explainZh, KIND_ZH } from './payee-statement.js';
import { policyAsWritten, zhLabel, type YamlNode } from './policy-yaml.js';
import { amountZh, conditionZh, FREQUENCY_ZH, paramTable, paramValueZh, typeZh, withValues } from './policy-words.js';

export interface WorkedExample {
  name: string;
  description?: string;
  /** Parameter overrides of the example, as written. */
  params?: string;
  tables: { payees: TableSource; facts: TableSource; transactions?: TableSource };
  lines: StatementLine[];
  withheld: WithheldItem[];
}

export interface PolicyDocumentInput {
  policy: CompiledPolicy;
  examples?: WorkedExample[];
}

type Node = YamlNode;

const table = (head: string[], rows: string[][], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

const textOf = (t: TableSource): string[][] => ('rows' in t ? t.rows : t.text.trimEnd().split('\n').map((l) => l.split(',')));

const STYLE = `body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;color:#111;line-height:1.6}
h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}
dl.rule{margin:.4em 0 1.2em}dl.rule dt{font-weight:bold;float:left;width:6em}dl.rule dd{margin-left:6.5em}code{font-family:monospace}
.example{page-break-inside:avoid}`;

function rulesSection(policy: CompiledPolicy, doc: Node, params: Map<string, ParamInfo>): string {
  const rules = (doc.rules ?? []) as Node[];
  return rules.map((r, i) => {
    const kind = KIND_ZH[r.kind as keyof typeof KIND_ZH] ?? String(r.kind);
    const items: [string, string][] = [['类型', `${kind}${r.kind === 'deduction' ? '（从应付中扣减）' : ''}`], ['计发时间', FREQUENCY_ZH[String(r.frequency ?? 'monthly')] ?? String(r.frequency)]];
    if (r.when) items.push(['适用条件', conditionZh(r.when, params)]);
    if (r.gate) items.push(['发放条件', `${conditionZh(r.gate, params)}；不满足时本项不发放，并在对账单中列明原因`]);
    if (r.for_each) {
      const derive = Object.entries((r.derive ?? {}) as Node).map(([k, e]) => `${k} = ${withValues(e, params)}`);
      items.push(['计算对象', `逐笔计算每一笔 ${r.for_each}${derive.length ? `，其中 ${derive.join('；')}` : ''}`]);
      if (r.where) items.push(['计酬条件', `${conditionZh(r.where, params)}；不满足的记录不计酬并标记`]);
    }
    items.push(['金额', amountZh(r.amount, params) + (r.round === 'each' ? '（每笔先四舍五入到分再合计）' : '')]);
    const zh = zhLabel(r);
    const title = `${i + 1}. ${zh.title ? `${zh.title}（${r.id}）` : `${r.id}${r.description ? ` — ${r.description}` : ''}`}`;
    if (zh.description) items.unshift(['说明', zh.description]);
    return `<h3 id="rule-${escape(String(r.id))}">${escape(title)}</h3>\n<dl class="rule">${items.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
  }).join('\n') || `<p>（${escape(policy.id)} 没有规则）</p>`;
}

function example(e: WorkedExample, n: number): string {
  const given = [
    `<p>收款方：</p>${table(textOf(e.tables.payees)[0], textOf(e.tables.payees).slice(1))}`,
    `<p>考核数据：</p>${table(textOf(e.tables.facts)[0], textOf(e.tables.facts).slice(1))}`,
    e.tables.transactions && textOf(e.tables.transactions).length > 1 ? `<p>交易明细：</p>${table(textOf(e.tables.transactions)[0], textOf(e.tables.transactions).slice(1))}` : '',
  ].join('\n');
  const lines = table(['账期', '收款方', '项目', '类型', '金额（元）', '计算说明'],
    e.lines.map((l) => [l.period, l.payeeId, l.line, KIND_ZH[l.kind], l.amount, explainZh(l)]));
  const withheld = e.withheld.length ? `<p>未发放：</p>${table(['账期', '收款方', '项目', '原因'], e.withheld.map((w) => [w.period, w.payeeId, w.line, w.reason]))}` : '';
  return `<div class="example"><h3>示例 ${n}：${escape(e.name)}</h3>
${e.description ? `<p>${escape(e.description)}</p>` : ''}${e.params ? `<p>本例调整参数：<code>${escape(e.params)}</code></p>` : ''}
${given}
<p>结果：</p>${e.lines.length ? lines : '<p>不产生任何金额。</p>'}${withheld}</div>`;
}

export function policyDocumentHtml({ policy, examples = [] }: PolicyDocumentInput): string {
  const doc = policyAsWritten(policy.source.text);
  const zh = zhLabel(doc);
  const part = (section: string, name: string) => ((doc[section] ?? {}) as Node)[name];
  const named = (section: string, name: string) => (zhLabel(part(section, name)).title ? `${name}（${zhLabel(part(section, name)).title}）` : name);
  const explained = (section: string, name: string, description?: string, unit?: string) => {
    const l = zhLabel(part(section, name));
    return [l.description ?? description, l.unit ?? unit].filter(Boolean).join('；');
  };
  const title = zh.title ?? policy.name;
  const params = new Map(policy.params.map((p) => [p.name, p]));
  const applies = (doc.applies_to ?? {}) as { channel_type?: string[]; attributes?: Record<string, string[]> };
  const rounding = (doc.rounding ?? { scale: 2, mode: 'half-up' }) as { scale?: unknown; mode?: unknown };
  const scale = Number(rounding.scale ?? 2);
  const metrics = Object.entries((doc.metrics ?? {}) as Record<string, unknown>).map(([name, m]) => {
    const def = (typeof m === 'object' && m ? m : { expr: m }) as Node;
    const rank = def.rank as { by?: { metric: string; order?: string }[] } | undefined;
    const population = def.population as Record<string, string> | undefined;
    const formula = population ? `${population.by ? `同一 ${population.by} 的` : ''}全部收款方当月 ${Object.entries(population).filter(([k]) => k !== 'by').map(([f, x]) => `${x} 的${f === 'sum' ? '合计' : f === 'avg' ? '平均' : f}`).join('、')}`
      : rank ? `当月全部收款方按 ${(rank.by ?? []).map((k) => `${k.metric}${k.order === 'asc' ? '从低到高' : '从高到低'}`).join('、再按 ')} 排名（并列时按收款方编号）` : withValues(def.expr, params);
    return [named('metrics', name), formula, explained('metrics', name, def.description === undefined ? undefined : String(def.description))];
  });
  const paramRows = policy.params.map((p) => [named('params', p.name), typeZh(p.type), paramValueZh(p), zhLabel(part('params', p.name)).unit ?? p.unit ?? '', zhLabel(part('params', p.name)).description ?? p.description ?? '']);
  const paramTables = policy.params.map((p) => ({ p, t: paramTable(p) })).filter((x) => x.t)
    .map(({ p, t }) => `<h3>${escape(named('params', p.name))}${p.description ? ` — ${escape(zhLabel(part('params', p.name)).description ?? p.description)}` : ''}</h3>${table(t!.head, t!.rows)}`);
  const attributes = Object.entries((doc.attributes ?? {}) as Record<string, Node>).map(([name, a]) => [named('attributes', name), String(a.type ?? ''), explained('attributes', name, a.description === undefined ? undefined : String(a.description))]);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}（${escape(policy.id)} 第 ${escape(policy.version)} 版）</title><style>${STYLE}</style></head>
<body>
<h1>${escape(title)}</h1>
<p>政策编号 <code>${escape(policy.id)}</code>，第 ${escape(policy.version)} 版。${escape((zh.description ?? policy.description ?? '').trim())}</p>
<h2>一、适用范围</h2>
<p>适用于渠道类型为 ${escape((applies.channel_type ?? []).join('、'))} 的收款方${applies.attributes ? `，且 ${escape(Object.entries(applies.attributes).map(([k, v]) => `${k} 为 ${v.join('、')}`).join('，'))}` : ''}。
每一项金额在产生时${rounding.mode === 'half-up' || rounding.mode === undefined ? '四舍五入' : `按 ${escape(String(rounding.mode))} 方式舍入`}到${scale === 2 ? '分（0.01 元）' : ` ${scale} 位小数`}，合计为各项舍入后金额之和。</p>
<h2>二、考核数据</h2>
${table(['数据项', '类型', '说明'], policy.facts.map((f) => [named('facts', f.name), typeZh(f.type), explained('facts', f.name, f.description, f.unit)]))}
${attributes.length ? `<p>收款方属性（payees 表中的列）：</p>${table(['属性', '类型', '说明'], attributes)}` : ''}
<h2>三、参数（当前取值）</h2>
${table(['参数', '类型', '当前值', '单位', '说明'], paramRows)}
${paramTables.join('\n')}
${metrics.length ? `<h2>四、计算指标</h2>\n${table(['指标', '计算方法', '说明'], metrics)}` : ''}
<h2>${metrics.length ? '五' : '四'}、计发规则</h2>
${rulesSection(policy, doc, params)}
${examples.length ? `<h2>${metrics.length ? '六' : '五'}、计算示例</h2>\n<p>以下示例由计算引擎按本政策当前参数实际计算得出。</p>\n${examples.map((e, i) => example(e, i + 1)).join('\n')}` : ''}
</body></html>
`;
}
