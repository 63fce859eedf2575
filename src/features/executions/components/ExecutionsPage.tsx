import { PagePlaceholder } from '@/components/PagePlaceholder';

export default function ExecutionsPage() {
  return (
    <PagePlaceholder
      title="Executions"
      question="Recent workflow runs, and one run live as it happens."
    />
  );
}
