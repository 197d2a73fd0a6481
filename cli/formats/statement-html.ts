// Payee statements (对账单) as one HTML page in 简体中文: a section per payee and month with the
// payee and its attributes, the policy version, every line with its explanation, what was withheld
// and why, and the totals by kind. Each section prints on its own page (print to PDF from a browser).
import { Exact, LINE_KINDS } from '../../engine/index.js';
import { escapeHtml as escape } from './html-escape.js';
import { KIND_ZH, lineCaption, type PayeeStatement } from './payee-statement.js';

const row = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const money = (a: string) => `<span class="num">${escape(Exact.parse(a).toFixed(2))}</span>`;

const STYLE = `body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#111}
section{page-break-after:always;margin-bottom:3em}h1{font-size:1.3em}table{border-collapse:collapse;margin:.6em 0}
td,th{border:1px solid #999;padding:.25em .5em;vertical-align:top;text-align:left}.num{display:block;text-align:right;white-space:nowrap}
.meta th{background:#f2f2f2;width:8em}.lines td:nth-child(3),.lines th{white-space:nowrap}.lines td:last-child{font-size:.9em}tfoot th,tfoot td{font-weight:bold}`;

function section(s: PayeeStatement): string {
  const meta = [
    ['收款方', `${escape(s.payee.id)}${s.payee.name ? ` ${escape(s.payee.name)}` : ''}`],
    ['渠道类型', escape(s.payee.channelType)],
    ...Object.entries(s.payee.attributes).map(([k, v]) => [escape(k), escape(v)]),
    ['账期', escape(s.period)],
    ['政策', `${escape(s.policy.id)}${s.policy.name ? ` ${escape(s.policy.name)}` : ''} 第 ${escape(s.policy.version)} 版`],
  ];
  const lines = s.lines.map((l) => row([escape(lineCaption(s, l)), escape(l.description ?? ''), KIND_ZH[l.kind], money(l.amount), escape(l.explanation)]));
  const withheld = s.withheld.map((w) => row([escape(w.line), KIND_ZH[w.kind], escape(w.reason), w.wouldPay ? money(w.wouldPay) : '']));
  const totals = LINE_KINDS.filter((k) => !Exact.parse(s.totals.byKind[k]).isZero()).map((k) => row([`${KIND_ZH[k]}合计`, money(s.totals.byKind[k])], 'td'));
  return `<section>
<h1>渠道酬金对账单 ${escape(s.payee.id)} ${escape(s.period)}</h1>
<table class="meta">${meta.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<table class="lines"><thead>${row(['项目', '说明', '类型', '金额（元）', '计算说明'], 'th')}</thead><tbody>
${lines.join('\n')}
</tbody></table>
${withheld.length ? `<h2>未发放项目</h2><table class="withheld"><thead>${row(['项目', '类型', '原因', '应发（元）'], 'th')}</thead><tbody>${withheld.join('\n')}</tbody></table>` : ''}
<table class="totals"><tbody>${totals.join('')}</tbody><tfoot>${row(['应付合计', money(s.totals.total)])}</tfoot></table>
</section>`;
}

export function payeeStatementsHtml(list: PayeeStatement[], title = '渠道酬金对账单'): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
${list.map(section).join('\n')}
</body></html>
`;
}
