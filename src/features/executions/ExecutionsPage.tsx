import { useParams } from 'react-router';
import { useDataSources } from '@/query/DataSourcesContext';
import { useLiveRuntime } from '@/query/live/LiveProvider';
import { ExecutionDetailView } from './components/ExecutionDetailView';
import { ExecutionListView } from './components/ExecutionListView';

function NoGateway() {
  return (
    <div className="panel p-3 text-sm text-slate-600 dark:text-slate-300">
      No live gateway is configured. Workflow runs come from the platform&apos;s observability
      gateway: set <code>datasources.live.url</code> in config.json.
    </div>
  );
}

/** `/executions` lists recent runs; `/executions/:executionId` follows one run live. */
export default function ExecutionsPage() {
  const { executionId } = useParams();
  const { client } = useLiveRuntime();
  const { describe } = useDataSources();
  const gateway = describe.live;

  if (executionId) {
    return gateway ? (
      <ExecutionDetailView key={executionId} executionId={executionId} />
    ) : (
      <div className="flex flex-col gap-3">
        <h1 className="text-lg font-semibold">Execution {executionId}</h1>
        <NoGateway />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-lg font-semibold">Executions</h1>
      {!gateway ? (
        <NoGateway />
      ) : client?.rest ? (
        <ExecutionListView rest={client.rest} gateway={gateway} />
      ) : null}
    </div>
  );
}
