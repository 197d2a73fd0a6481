// The policy's test cases run against the edit in the analysis worker by the engine's own
// policy-test runner: pass / fail per case, expected vs actual for each failing line. The test
// file beside the policy is loaded from the server; another can be read from the person's disk.
import { useEffect, useState } from 'react';
import type { PolicyTestReport } from '../../../engine/index.js';
import { api } from '../api/client.js';
import { Problems } from '../components/problems.js';
import { formatMoney } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import type { AnalysisClient } from '../worker/analysis-client.js';

interface Props { client: AnalysisClient; file: string; text: string }

export function TestsPanel({ client, file, text }: Props) {
  const { t, language } = useI18n();
  const [suite, setSuite] = useState<{ file: string; text: string } | undefined>();
  const [report, setReport] = useState<PolicyTestReport | undefined>();
  const [problems, setProblems] = useState<Parameters<typeof Problems>[0]['diagnostics']>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    // a file the person picked meanwhile wins over the one beside the policy
    void api.tests(file).then((found) => { if (live && found) setSuite((picked) => picked ?? found); }).catch(() => {});
    return () => { live = false; };
  }, [file]);
  useEffect(() => {
    if (!suite) return;
    let live = true;
    setBusy(true);
    const timer = setTimeout(() => {
      void client.ask({ type: 'tests', file, text, testFile: suite.file, testText: suite.text }).then((m) => {
        if (!live || !m) return;
        setBusy(false);
        setReport(m.ok ? m.report : undefined);
        setProblems(m.ok ? m.report.diagnostics : m.diagnostics);
      });
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [client, file, text, suite]);
  const load = async (picked: File | undefined) => { if (picked) setSuite({ file: picked.name, text: await picked.text() }); };
  const money = (v: string | undefined) => (v === undefined ? '—' : formatMoney(v, language));
  const passed = report?.cases.filter((c) => c.passed).length ?? 0;
  return (
    <section className="tests-panel" aria-label={t('tests.title')} aria-busy={busy} data-testid="tests-panel" data-busy={busy}>
      <h3>{t('tests.title')} {busy ? <span className="busy">{t('compare.computing')}</span> : null}</h3>
      <label>{t('tests.load')} <input type="file" accept=".yaml,.yml" aria-label={t('tests.load')} onChange={(e) => void load(e.target.files?.[0])} /></label>
      {!suite ? <p className="muted">{t('tests.none')}</p> : null}
      {problems.length ? <Problems diagnostics={problems} /> : null}
      {report ? (
        <>
          <p data-testid="tests-summary" className={report.passed ? 'pos' : 'neg'}>{t('tests.summary', { passed, n: report.cases.length })}</p>
          <table className="compare-table" data-testid="tests-cases" aria-label={t('tests.title')}>
            <thead><tr><th>{t('tests.case')}</th><th>{t('tests.result')}</th></tr></thead>
            <tbody>
              {report.cases.map((c) => (
                <tr key={c.name} data-passed={c.passed}>
                  <th scope="row">{c.name}</th>
                  <td>
                    <span className={c.passed ? 'pos' : 'neg'}>{c.passed ? t('tests.pass') : t('tests.fail')}</span>
                    {c.lines.some((l) => !l.passed) ? (
                      <table className="compare-table" data-testid="tests-failed-lines" aria-label={`${c.name}: ${t('tests.fail')}`}>
                        <thead><tr><th>{t('trace.period')}</th><th>{t('preview.payee')}</th><th>{t('trace.line')}</th><th>{t('tests.expected')}</th><th>{t('tests.actual')}</th><th>{t('tests.problem')}</th></tr></thead>
                        <tbody>
                          {c.lines.filter((l) => !l.passed).map((l) => (
                            <tr key={`${l.period}/${l.payee}/${l.line}`}>
                              <td>{l.period}</td><td>{l.payee}</td><td>{l.line}</td>
                              <td className="money">{money(l.expected)}</td><td className="money">{money(l.actual)}</td><td>{l.problem ?? ''}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.coverage?.neverFired.length ? <p className="muted">{t('tests.coverage', { rules: report.coverage.neverFired.join(', ') })}</p> : null}
        </>
      ) : null}
    </section>
  );
}
