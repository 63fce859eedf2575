import { TraceView } from '../trace-view/components/TraceView';

export default function TraceViewPage() {
  return <TraceView />;
}
