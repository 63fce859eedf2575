import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';

/** Starts the in-browser demo backend. Only imported by builds that include demo mode. */
export async function startDemoWorker(baseUrl: string): Promise<void> {
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
