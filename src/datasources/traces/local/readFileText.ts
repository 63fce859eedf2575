/** Bytes read so far of a file being opened. */
export interface ReadProgress {
  readonly loaded: number;
  readonly total: number;
}

/**
 * The file's text, read asynchronously with progress events (FileReader reads off the main
 * thread and reports as it goes). Rejects with an AbortError when `signal` fires.
 */
export function readFileText(
  file: Blob,
  { onProgress, signal }: { onProgress?: (p: ReadProgress) => void; signal?: AbortSignal } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    reader.onprogress = (event) => {
      onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    };
    reader.onload = () => {
      done();
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      done();
      reject(new Error(`The file could not be read: ${reader.error?.message ?? 'unknown error'}`));
    };
    reader.onabort = () => {
      done();
      reject(abortError());
    };
    reader.readAsText(file);
  });
}

function abortError(): Error {
  const error = new Error('Opening the file was cancelled.');
  error.name = 'AbortError';
  return error;
}
