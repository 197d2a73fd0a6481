// Below the workspace, on demand: compare anything, a sensitivity sweep and the policy's tests,
// all computed in the analysis worker (started the first time this section opens).
import { useMemo } from 'react';
import type { ParamInfo } from '../../../engine/index.js';
import { labelFor, labelsFromText } from '../form/localized.js';
import { useI18n } from '../i18n/i18n.js';
import type { DatasetTables, PeriodRange } from '../worker/protocol.js';
import { ComparePanel } from './compare-panel.js';
import { SweepPanel } from './sweep-panel.js';
import { TestsPanel } from './tests-panel.js';
import { useAnalysisClient } from './use-analysis-client.js';

interface Props { file: string; text: string; savedText?: string; tables?: DatasetTables; range: PeriodRange; params: ParamInfo[]; refresh: number }

export function AnalysisSection({ file, text, savedText, tables, range, params, refresh }: Props) {
  const { language } = useI18n();
  const client = useAnalysisClient(tables);
  const labels = useMemo(() => labelsFromText(text).params, [text]);
  const title = (p: ParamInfo) => {
    const own = labelFor(labels.get(p.name), language).title;
    return own ? `${own} (${p.name})` : p.name;
  };
  return (
    <div className="analysis" data-testid="analysis">
      <ComparePanel client={client} file={file} text={text} savedText={savedText} range={range} datasetId={tables?.id} refresh={refresh} />
      <SweepPanel key={file} client={client} file={file} text={text} params={params} range={range} title={title} />
      <TestsPanel key={`tests:${file}`} client={client} file={file} text={text} />
    </div>
  );
}
