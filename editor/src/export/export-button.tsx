// Exports the preview, its impact and its statement as one .xlsx file.
import { useState } from 'react';
import writeXlsxFile from 'write-excel-file/browser';
import { useI18n } from '../i18n/i18n.js';
import { download } from './download.js';
import type { Lang } from '../../../engine/index.js';
import type { ExportRow, PreviewImpact, PreviewSummary } from '../worker/protocol.js';
import { workbookSheets } from './workbook.js';

interface Props {
  name: string;
  summary?: PreviewSummary;
  impact?: PreviewImpact;
  /** The statement's rows, explanations and reasons in the editor's language. */
  statement: (lang: Lang) => Promise<ExportRow[]>;
}

export function ExportButton({ name, summary, impact, statement }: Props) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!summary) return;
    setBusy(true);
    try {
      const rows = await statement(language);
      const blob = await writeXlsxFile(workbookSheets({ summary, impact, rows, t })).toBlob();
      download(blob, `${name}-${summary.from}-${summary.to}${language === 'zh-CN' ? '-试算' : '-preview'}.xlsx`);
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" disabled={!summary || busy} onClick={() => void run()} data-testid="export-xlsx">{busy ? t('export.busy') : t('export.button')}</button>;
}
