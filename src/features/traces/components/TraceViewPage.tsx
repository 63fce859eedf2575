import { PagePlaceholder } from '@/components/PagePlaceholder';

export default function TraceViewPage() {
  return <PagePlaceholder title="Trace" question="One trace: waterfall, span detail, critical path." />;
}
