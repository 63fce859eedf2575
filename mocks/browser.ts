// First: MSW reads localStorage as it loads (see storageFallback.ts).
import './storageFallback';
import { WebSocketInterceptor } from '@mswjs/interceptors/WebSocket';
import { EventSource as FetchEventSource } from 'eventsource';
import { getResponse, RequestHandler, WebSocketHandler } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import { handlers } from './handlers';

/**
 * Starts the demo backend in the page and returns the fetch that answers from it. HTTP never
 * leaves the page: the app's one fetch wrapper calls the returned function, which runs the
 * same MSW handlers as the tests (msw's `getResponse`). WebSockets are intercepted in the page
 * by MSW's WebSocket interceptor, and EventSource reads through the same fetch. No service worker is involved, so the demo starts at once in
 * a cross-site or sandboxed iframe, with third-party storage blocked and in a private window.
 * Only imported by builds that include demo mode.
 */
export function startDemoBackend(): typeof fetch {
  const httpHandlers = handlers.filter((h): h is RequestHandler => h instanceof RequestHandler);
  const socketHandlers = handlers.filter((h) => h instanceof WebSocketHandler);
  // The cast bridges a types-only split: TypeScript reads @mswjs/interceptors' root types from
  // its Node build and the WebSocket entry's from its browser build; at run time both are one.
  const sockets = new WebSocketInterceptor() as unknown as ConstructorParameters<
    typeof InterceptorSource
  >[0]['interceptors'][number];
  void defineNetwork({
    sources: [new InterceptorSource({ interceptors: [sockets] })],
    handlers: socketHandlers,
    onUnhandledFrame: 'bypass',
  }).enable();
  const networkFetch = globalThis.fetch.bind(globalThis);
  const demoFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) return Promise.reject(signal.reason);
    // A request the demo does not serve (a static file, another origin) goes out as usual.
    const answer = getResponse(httpHandlers, request.clone()).then(
      (response) => response ?? networkFetch(request),
    );
    // Like the browser's fetch, a cancelled or timed-out request fails at once, even while the
    // handler still waits out its simulated latency.
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      answer.then(resolve, reject);
    });
  };
  // As MSW's interceptor stands in for WebSocket, this EventSource (the `eventsource` package,
  // which reads through a given fetch) brings the gateway's Server-Sent Events from the demo.
  globalThis.EventSource = class DemoEventSource extends FetchEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, { ...init, fetch: demoFetch });
    }
  } as unknown as typeof EventSource;
  // The page's own fetch() goes to the network, where no demo backend listens: this is how to
  // ask the demo backend something from the console (or a test), e.g.
  // `await (await observatoryDemo.fetch('/demo/gateway/api/v1/observability/executions')).json()`.
  (globalThis as { observatoryDemo?: { fetch: typeof fetch } }).observatoryDemo = {
    fetch: demoFetch,
  };
  return demoFetch;
}
