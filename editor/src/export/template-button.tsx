// Downloads the policy's data template (.xlsx): the columns its facts, attributes and
// transactions need, headed in the reader's language, one example row.
import writeXlsxFile from 'write-excel-file/browser';
import { useI18n } from '../i18n/i18n.js';
import { download } from './download.js';
import { templateSheets } from './template.js';

export function TemplateButton({ name, text }: { name: string; text: string }) {
  const { t, language } = useI18n();
  const run = async () => {
    const blob = await writeXlsxFile(templateSheets(text, language, t)).toBlob();
    download(blob, `${name}-${language === 'zh-CN' ? '数据模板' : 'template'}.xlsx`);
  };
  return <button type="button" onClick={() => void run()} data-testid="template-xlsx">{t('dataset.template')}</button>;
}
