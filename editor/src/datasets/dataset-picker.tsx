// Choose the preview's data: a bundled dataset from the server, or CSV / Excel files loaded here.
import { useRef, useState } from 'react';
import type { TableInput } from '../worker/table-bytes.js';
import type { DatasetInfo } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { readTableFile } from './read-table.js';

export interface LoadedFiles { payees: TableInput; facts: TableInput; transactions?: TableInput; name: string }

interface Props {
  datasets: DatasetInfo[];
  chosen?: string;
  onBundled: (name: string) => void;
  onFiles: (files: LoadedFiles) => void;
}

const TABLES = ['payees', 'facts', 'transactions'] as const;

export function DatasetPicker({ datasets, chosen, onBundled, onFiles }: Props) {
  const { t } = useI18n();
  const panel = useRef<HTMLDetailsElement>(null);
  const [files, setFiles] = useState<Partial<Record<(typeof TABLES)[number], File>>>({});
  const use = async () => {
    if (!files.payees || !files.facts) return;
    const [payees, facts, transactions] = await Promise.all([readTableFile(files.payees, 'payees'), readTableFile(files.facts, 'facts'), files.transactions ? readTableFile(files.transactions, 'transactions') : undefined]);
    if (panel.current) panel.current.open = false;
    onFiles({ payees, facts, ...(transactions ? { transactions } : {}), name: [files.payees, files.facts, files.transactions].filter(Boolean).map((f) => f!.name).join(', ') });
  };
  return (
    <section className="dataset-picker" aria-label={t('dataset.title')}>
      <label>
        {t('dataset.bundled')}{' '}
        <select aria-label={t('dataset.bundled')} value={chosen ?? ''} onChange={(e) => e.target.value && onBundled(e.target.value)}>
          <option value="">—</option>
          {datasets.map((d) => <option key={d.name} value={d.name}>{d.name}</option>)}
        </select>
      </label>
      <details ref={panel}>
        <summary>{t('dataset.upload')}</summary>
        <div className="file-panel">
          {TABLES.map((table) => (
            <label key={table} className="file-input">
              {t(`dataset.${table}`)}
              <input type="file" accept=".csv,.xlsx,text/csv" aria-label={t(`dataset.${table}`)} data-table={table}
                onChange={(e) => setFiles((f) => ({ ...f, [table]: e.target.files?.[0] }))} />
            </label>
          ))}
          <button type="button" disabled={!files.payees || !files.facts} onClick={() => void use()}>{t('dataset.use')}</button>
        </div>
      </details>
    </section>
  );
}
