// The floor under the first-row figure: the same response, server and browser, with no app.
//
// A bare page starts a worker that fetches the trace from the bench's Jaeger API and either
// only reads its bytes ("download") or also parses it with the browser's own JSON parser
// ("download + JSON.parse"); the page then paints one row, timed exactly as the app's first row
// is (Element Timing, ms from navigation start). Whatever a trace view does to show a correct
// first row (know every span: which one is the root, where the trace starts and ends, and, in
// Jaeger's format, the process table that comes after all the spans) it has to do at least the
// download, and with JavaScript objects the parse as well. So these two figures say how much of
// the app's first-row time is the app's own.

export const FLOOR_MODES = ['download', 'parse'];

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>floor</title></head>
  <body><div id="rows"></div><script src="/floor/page.js"></script></body>
</html>
`;

const PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const worker = new Worker('/floor/worker.js');
worker.onmessage = (event) => {
  const row = document.createElement('div');
  row.setAttribute('elementtiming', 'trace-first-row');
  row.setAttribute('data-row-index', '0');
  row.textContent = event.data.error ? 'failed: ' + event.data.error : 'first row of ' + event.data.count;
  document.getElementById('rows').append(row);
};
worker.postMessage({ url: '/jaeger/api/traces/' + params.get('id'), mode: params.get('mode') });
`;

const WORKER_SCRIPT = `
onmessage = async (event) => {
  const { url, mode } = event.data;
  try {
    const response = await fetch(url);
    if (mode === 'parse') {
      const document = await response.json();
      postMessage({ count: document.data[0].spans.length + ' spans' });
    } else {
      const reader = response.body.getReader();
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
      postMessage({ count: bytes + ' bytes' });
    }
  } catch (error) {
    postMessage({ error: String(error) });
  }
};
`;

/** Files the bench server adds under `/floor/`. */
export const FLOOR_FILES = new Map([
  ['/floor/', { type: 'text/html; charset=utf-8', body: Buffer.from(PAGE) }],
  ['/floor/page.js', { type: 'text/javascript; charset=utf-8', body: Buffer.from(PAGE_SCRIPT) }],
  [
    '/floor/worker.js',
    { type: 'text/javascript; charset=utf-8', body: Buffer.from(WORKER_SCRIPT) },
  ],
]);

/** The floor page for a trace id and mode. */
export function floorPath(traceId, mode) {
  return `/floor/?id=${encodeURIComponent(traceId)}&mode=${mode}`;
}
