// What happened to the last save: saved, refused as invalid (with its problems), or refused as a
// conflict ("changed since you loaded it") with a reload and a diff of what changed on disk.
import { useState } from 'react';
import { api, type SaveResult } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { DiffText } from '../save/history-panel.js';
import { Problems } from './problems.js';

interface Props { result: SaveResult; file: string; baseVersion?: string; onReload: () => void }

export function SaveStatus({ result, file, baseVersion, onReload }: Props) {
  const { t } = useI18n();
  const [diff, setDiff] = useState<string | undefined>();
  if (result.kind === 'saved') return <p className="note ok" role="status" data-testid="save-status">{t('save.saved', { version: result.version.slice(0, 8) })}</p>;
  if (result.kind === 'invalid') return <div className="note error" role="alert" data-testid="save-status"><p>{t('save.invalid')}</p><Problems diagnostics={result.diagnostics} /></div>;
  if (result.kind === 'error') return <p className="note error" role="alert" data-testid="save-status">{t('save.failed', { message: result.message })}</p>;
  const showDiff = async () => {
    if (!baseVersion || !result.currentVersion) return;
    const d = await api.diff(file, baseVersion, result.currentVersion).catch((e: Error) => ({ unified: e.message }));
    setDiff(d.unified);
  };
  return (
    <div className="note error" role="alert" data-testid="save-status">
      <p>{t('save.conflict', { version: (result.currentVersion ?? '—').slice(0, 8) })}</p>
      <p className="muted">{result.message}</p>
      <button type="button" onClick={onReload}>{t('save.reload')}</button>{' '}
      {result.currentVersion && baseVersion ? <button type="button" onClick={() => void showDiff()}>{t('save.showDiff')}</button> : null}
      {diff !== undefined ? <DiffText text={diff} /> : null}
    </div>
  );
}
