import type { LoadProgress } from '@/datasources/traces/worker';

const MB = 1024 * 1024;

/** What the worker is doing, in words, with a progress bar when the size is known. */
export function describeProgress(progress: LoadProgress | null): {
  text: string;
  fraction: number | null;
} {
  if (!progress || progress.phase === 'connecting')
    return { text: 'Asking the backend for the trace…', fraction: null };
  const loaded = (progress.loadedBytes / MB).toFixed(1);
  if (progress.phase === 'downloading') {
    const total = progress.totalBytes;
    if (total && total >= progress.loadedBytes) {
      return {
        text: `Downloading and reading ${loaded} of ${(total / MB).toFixed(1)} MB…`,
        fraction: progress.loadedBytes / total,
      };
    }
    return { text: `Downloading and reading ${loaded} MB…`, fraction: null };
  }
  return { text: `Building the span tree (${loaded} MB read)…`, fraction: 1 };
}

export function LoadingState({ progress }: { progress: LoadProgress | null }) {
  const { text, fraction } = describeProgress(progress);
  return (
    <div className="flex flex-col gap-2 py-6" aria-busy="true">
      <p role="status" className="text-sm text-slate-700 dark:text-slate-200">
        {text}
      </p>
      <div className="h-1.5 w-full max-w-md overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
        <div
          className={`h-full bg-sky-600 ${fraction === null ? 'w-1/3 animate-pulse' : ''}`}
          style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
        />
      </div>
    </div>
  );
}
