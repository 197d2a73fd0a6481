// `ratecard validate` in 简体中文: every problem at the same file:line:column and field as in
// English, worded in Chinese; a good policy is `通过`.
import { describe, expect, it } from 'vitest';
import { editLines, runCli, scratch } from '../fixtures/run-cli.js';

const tmp = scratch();

describe('ratecard validate in a language', () => {
  const broken = tmp.write('broken.yaml', editLines('policies/rural-contract.yaml', (l) => l.map((line) => line
    .replace('amount: base * (min(completion, max_ratio) - 1)', 'amount: base * (min(completion, max_rato) - 1)')
    .replace('value: 0.02', 'value: 2'))));

  it('words each problem in Chinese, at the place the English names', async () => {
    const en = await runCli(['validate', broken]);
    const zh = await runCli(['validate', '--lang', 'zh-CN', broken]);
    expect(en.code).toBe(1);
    expect(zh.code).toBe(1);
    const place = (line: string) => line.slice(0, line.indexOf(': '));
    const enLines = en.stderr.trimEnd().split('\n');
    const zhLines = zh.stderr.trimEnd().split('\n');
    expect(zhLines.map(place)).toEqual(enLines.map(place));
    expect(zhLines.length).toBe(2);
    expect(zhLines.join('\n')).toContain('params.step_rate.value: 此处应为0 到 1 之间的比率，实际为 2');
    expect(zhLines.join('\n')).toContain('rules[2].amount: 未知名称 `max_rato`：不是本政策的事实、参数、指标或行；是否想写 `max_ratio`？');
    expect(en.stderr).toContain('unknown name `max_rato`: not a fact, param, metric or line of this policy; did you mean `max_ratio`?');
  });

  it('says a good policy passed, by LANG', async () => {
    const run = await runCli(['validate', 'policies/rural-contract.yaml'], { LANG: 'zh_CN.UTF-8' });
    expect(run).toEqual({ code: 0, stdout: 'policies/rural-contract.yaml：通过\n', stderr: '' });
    const en = await runCli(['validate', 'policies/rural-contract.yaml']);
    expect(en.stdout).toBe('policies/rural-contract.yaml: ok\n');
  });
});
