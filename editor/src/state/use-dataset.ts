// The preview's dataset: the bundled ones the server lists, or files loaded in the browser.
import { useCallback, useEffect, useState } from 'react';
import { api, type DatasetInfo } from '../api/client.js';
import type { LoadedFiles } from '../datasets/dataset-picker.js';
import type { DatasetTables } from '../worker/protocol.js';

let loads = 0;

export function useDataset() {
  const [datasets, setDatasets] = useState<DatasetInfo[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [tables, setTables] = useState<DatasetTables | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api.datasets().then(setDatasets).catch((e: Error) => setError(e.message));
  }, []);

  const chooseBundled = useCallback(async (name: string, list: DatasetInfo[]) => {
    const info = list.find((d) => d.name === name);
    if (!info) return;
    setChosen(name);
    try {
      // the workers fetch the tables where they read them: the page never holds their text
      const read = (table: string) => ({ file: `${name}/${table}.csv`, url: new URL(api.tableUrl(name, table), location.href).href });
      const [payees, facts, transactions] = [read('payees'), read('facts'), info.tables.includes('transactions') ? read('transactions') : undefined];
      setTables({ id: `${name}#${++loads}`, payees, facts, ...(transactions ? { transactions } : {}) });
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const chooseFiles = useCallback((files: LoadedFiles) => {
    setChosen(undefined);
    const { name, ...rest } = files;
    setTables({ id: `${name}#${++loads}`, ...rest });
  }, []);

  return { datasets, chosen, tables, error, chooseBundled: (name: string) => chooseBundled(name, datasets), chooseFiles };
}
