/**
 * Requests made in a worker, answered by the page: the demo's backend runs in the page, where
 * a worker's own fetch cannot reach it. The page side answers each request with the response's
 * status, headers and whole body (demo bodies are made in memory, so nothing streams).
 */

interface PortRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  reply: MessagePort;
}

type PortReply =
  | { ok: true; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { ok: false; message: string };

/** Page side: answers every request that arrives on `port` with `fetchImpl`. */
export function serveFetchOnPort(port: MessagePort, fetchImpl: typeof fetch): void {
  port.onmessage = (event: MessageEvent<PortRequest>) => {
    const { url, method, headers, body, reply } = event.data;
    const controller = new AbortController();
    reply.onmessage = () => controller.abort();
    fetchImpl(url, { method, headers, body, signal: controller.signal })
      .then(async (response) => {
        const answer: PortReply = {
          ok: true,
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: await response.arrayBuffer(),
        };
        reply.postMessage(answer, [answer.body]);
      })
      .catch((error: unknown) => {
        reply.postMessage({
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        } satisfies PortReply);
      })
      .finally(() => reply.close());
  };
}

/** Worker side: a fetch that sends each request to the page over `port`. */
export function fetchOverPort(port: MessagePort): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal ?? null;
    signal?.throwIfAborted();
    const channel = new MessageChannel();
    const message: PortRequest = {
      url: request.url,
      method: request.method,
      headers: [...request.headers],
      body: request.method === 'GET' ? null : await request.arrayBuffer(),
      reply: channel.port2,
    };
    port.postMessage(message, [channel.port2, ...(message.body ? [message.body] : [])]);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        channel.port1.postMessage('abort');
        channel.port1.close();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      channel.port1.onmessage = (event: MessageEvent<PortReply>) => {
        signal?.removeEventListener('abort', onAbort);
        channel.port1.close();
        const reply = event.data;
        if (!reply.ok) reject(new TypeError(reply.message));
        // A status that forbids a body (204, 304…) must be built without one.
        else resolve(new Response(reply.body.byteLength ? reply.body : null, reply));
      };
    });
  };
}
