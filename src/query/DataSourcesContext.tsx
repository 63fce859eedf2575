import { createContext, useContext } from 'react';
import type { DataSources } from '@/config/dataSources';

export const DataSourcesContext = createContext<DataSources | null>(null);

export function useDataSources(): DataSources {
  const sources = useContext(DataSourcesContext);
  if (!sources) throw new Error('useDataSources must be used inside <DataSourcesContext.Provider>');
  return sources;
}
