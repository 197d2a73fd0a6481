// The approval state of the open policy (draft / submitted / approved…, in force from) with a
// form to submit its saved text, and the queue of submissions with approve / reject. Whoever
// decides types their name: the server refuses a decision by the version's author or submitter,
// and its located message is shown.
import { useCallback, useEffect, useState } from 'react';
import { formatDelta } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { ApprovalError, type Dataset, approvals, type TransitionInfo, type VersionInfo } from './approval-api.js';
import { approvalTranslator } from './messages.js';
import { policyKeyOf } from './policy-key.js';

interface Props {
  file: string;
  /** The text in the editor, and as saved: only a saved text is submitted. */
  text: string;
  savedText?: string;
  /** The dataset the submission's impact is measured on. */
  dataset?: Dataset;
}

const NAME_KEY = 'ratecard:author';

export function ApprovalPanel({ file, text, savedText, dataset }: Props) {
  const { language } = useI18n();
  const a = approvalTranslator(language);
  const key = policyKeyOf(text);
  const [mine, setMine] = useState<(VersionInfo & { source: string }) | undefined>();
  const [transitions, setTransitions] = useState<TransitionInfo[]>([]);
  const [queue, setQueue] = useState<VersionInfo[]>([]);
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const [why, setWhy] = useState('');
  const [from, setFrom] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [tick, setTick] = useState(0);
  // a server without a settlement store keeps no registry (503): the panel is not shown
  const [available, setAvailable] = useState(true);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    approvals.list({ state: 'submitted' }).then((q) => { if (live) { setQueue(q); setAvailable(true); } })
      .catch((e) => { if (live) { setQueue([]); setAvailable(!(e instanceof ApprovalError && e.status === 503)); } });
    if (key) {
      approvals.show(key.id, key.version)
        .then((s) => { if (live) { setMine(s.version); setTransitions(s.transitions); } })
        .catch(() => { if (live) { setMine(undefined); setTransitions([]); } });
    } else setMine(undefined);
    return () => { live = false; };
  }, [key?.id, key?.version, tick]); // eslint-disable-line react-hooks/exhaustive-deps

  const act = async (work: () => Promise<VersionInfo>, ok: (v: VersionInfo) => string) => {
    localStorage.setItem(NAME_KEY, name.trim());
    try {
      const v = await work();
      setStatus({ kind: 'ok', text: ok(v) });
      setWhy('');
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
    refresh();
  };
  const stateText = (v: VersionInfo) => a(`state.${v.state}`);
  const canSubmit = key && savedText !== undefined && text === savedText && dataset && name.trim() && why.trim() && (!mine || mine.state === 'draft');
  const submit = () => act(
    // the tables only: the preview's cache key (`id`) is not part of a dataset
    () => approvals.submit({ policy: { file, text }, by: name.trim(), why: why.trim(), ...(from ? { from } : {}),
      dataset: { payees: dataset!.payees, facts: dataset!.facts, ...(dataset!.transactions ? { transactions: dataset!.transactions } : {}) } }),
    (v) => a('submitted', { policy: v.policyId, version: v.version }),
  );
  const decide = (v: VersionInfo, action: 'approve' | 'reject') => act(
    () => approvals.decide(v.policyId, v.version, action, { by: name.trim(), why: why.trim() }),
    (d) => a('decided', { policy: d.policyId, version: d.version, state: stateText(d), by: d.decidedBy ?? '' }),
  );

  if (!available) return null;
  return (
    <section className="history approval" aria-label={a('title')} data-testid="approval">
      <h3>{a('title')}</h3>
      {key && mine ? (
        <p data-testid="approval-state" data-state={mine.state}>
          <strong>{a('stateOf', { policy: key.id, version: key.version, state: stateText(mine) })}</strong>
          {' · '}{a('effectiveFrom')} {mine.effectiveFrom ?? a('fromStart')}
        </p>
      ) : <p className="muted" data-testid="approval-state" data-state="none">{a('notRegistered')}</p>}
      {mine && mine.source !== text ? <p className="note warn">{a('changedSinceSubmitted')}</p> : null}
      {transitions.length ? (
        <details>
          <summary>{a('history')}</summary>
          <ul data-testid="approval-transitions">
            {transitions.map((t) => <li key={t.seq}>{new Date(t.at).toLocaleString(language)} · {t.from ? `${a(`state.${t.from}`)} → ` : ''}{a(`state.${t.to}`)} · {t.by}: {t.why}</li>)}
          </ul>
        </details>
      ) : null}
      <div className="diff-pick">
        <label>{a('name')} <input aria-label={a('name')} value={name} onChange={(e) => setName(e.target.value)} /></label>{' '}
        <label>{a('why')} <input aria-label={a('why')} value={why} onChange={(e) => setWhy(e.target.value)} /></label>{' '}
        <label>{a('effectiveFrom')} <input type="month" aria-label={a('effectiveFrom')} value={from} onChange={(e) => setFrom(e.target.value)} /></label>{' '}
        <button type="button" disabled={!canSubmit} onClick={() => void submit()}>{a('submit')}</button>
      </div>
      {savedText !== undefined && text !== savedText ? <p className="muted">{a('unsaved')}</p> : !dataset ? <p className="muted">{a('needsData')}</p> : null}
      {status ? <p className={`note ${status.kind === 'error' ? 'error' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="approval-status">{status.text}</p> : null}
      <h4>{a('queue')}</h4>
      {queue.length === 0 ? <p className="muted" data-testid="approval-queue-empty">{a('queueEmpty')}</p> : (
        <ul data-testid="approval-queue">
          {queue.map((v) => (
            <li key={`${v.policyId}@${v.version}`} data-version={`${v.policyId}@${v.version}`}>
              <strong>{v.policyId}@{v.version}</strong> · {a('effectiveFrom')} {v.effectiveFrom ?? a('fromStart')} · {a('submittedBy')} {v.submittedBy}
              {v.impact ? <> · {a('impact', { from: v.impact.from, to: v.impact.to })} <span data-testid="queue-impact">{formatDelta(v.impact.delta.total, language)}</span>, {a('payeesChanged', { count: v.impact.payeesChanged })}</> : null}
              {' '}
              <button type="button" disabled={!name.trim() || !why.trim()} aria-label={a('approveVersion', { policy: v.policyId, version: v.version })} onClick={() => void decide(v, 'approve')}>{a('approve')}</button>{' '}
              <button type="button" disabled={!name.trim() || !why.trim()} aria-label={a('rejectVersion', { policy: v.policyId, version: v.version })} onClick={() => void decide(v, 'reject')}>{a('reject')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
