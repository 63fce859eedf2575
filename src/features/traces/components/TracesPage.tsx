import { PagePlaceholder } from '@/components/PagePlaceholder';

export default function TracesPage() {
  return (
    <PagePlaceholder title="Traces" question="Search traces, open one, or drop a trace file." />
  );
}
