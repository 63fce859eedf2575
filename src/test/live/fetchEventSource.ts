import type {
  EventSourceConstructor,
  EventSourceLike,
  MessageEventLike,
} from '@/datasources/live/transportTypes';

type Handler<E> = ((event: E) => void) | null;

/**
 * Minimal EventSource over fetch (Node has none): default `message` events only, no automatic
 * reconnection — which is all the live client uses.
 */
export function createFetchEventSource(fetchImpl: typeof fetch = fetch): EventSourceConstructor {
  return class FetchEventSource implements EventSourceLike {
    readyState = 0;
    onopen: Handler<unknown> = null;
    onmessage: Handler<MessageEventLike> = null;
    onerror: Handler<unknown> = null;
    private readonly controller = new AbortController();

    constructor(readonly url: string) {
      void this.run();
    }

    close(): void {
      this.readyState = 2;
      this.controller.abort();
    }

    private async run(): Promise<void> {
      try {
        const response = await fetchImpl(this.url, {
          headers: { Accept: 'text/event-stream' },
          signal: this.controller.signal,
        });
        const type = response.headers.get('content-type') ?? '';
        if (!response.ok || !response.body || !type.includes('text/event-stream')) {
          throw new Error(`event stream refused: HTTP ${response.status}`);
        }
        this.readyState = 1;
        this.onopen?.({});
        await this.read(response.body);
        throw new Error('event stream ended');
      } catch {
        if (this.readyState === 2) return;
        this.readyState = 2;
        this.onerror?.({});
      }
    }

    private async read(body: ReadableStream<Uint8Array>): Promise<void> {
      const decoder = new TextDecoder();
      let pending = '';
      let data: string[] = [];
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        pending += decoder.decode(chunk, { stream: true });
        const lines = pending.split(/\r\n|\r|\n/);
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') {
            if (data.length > 0 && this.readyState === 1)
              this.onmessage?.({ data: data.join('\n') });
            data = [];
          } else if (line.startsWith('data:')) {
            data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
          }
        }
      }
    }
  };
}
