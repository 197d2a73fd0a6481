// The analysis worker's client for the page: one per page, its worker started on first use and
// told about every dataset chosen.
import { useEffect, useState } from 'react';
import { AnalysisClient } from '../worker/analysis-client.js';
import type { DatasetTables } from '../worker/protocol.js';

export function useAnalysisClient(tables: DatasetTables | undefined): AnalysisClient {
  const [client] = useState(() => new AnalysisClient());
  useEffect(() => client.setDataset(tables), [client, tables]);
  useEffect(() => () => client.dispose(), [client]);
  return client;
}
