import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { listen } from './processes';

const HELPER_SOURCE = fileURLToPath(new URL('../../src/embed/host.ts', import.meta.url));
const EMBEDDING_DOC = fileURLToPath(new URL('../../docs/embedding.md', import.meta.url));
/** The placeholder origin the documentation's snippet uses. */
const DOC_ORIGIN = 'https://observatory.example.com';

/** The host helper as a portal would ship it: src/embed/host.ts compiled to plain JavaScript. */
export function compileHostHelper(): string {
  const { outputText } = ts.transpileModule(readFileSync(HELPER_SOURCE, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  if (/^\s*import\s/m.test(outputText)) {
    throw new Error('src/embed/host.ts must compile to a file without imports');
  }
  return outputText;
}

/**
 * A portal page made of the copy-paste snippet in docs/embedding.md, pointed at `appUrl`
 * (an address in the app, e.g. `http://127.0.0.1:8080/health?embed=1`).
 */
export function snippetHtml(appUrl: string): string {
  const doc = readFileSync(EMBEDDING_DOC, 'utf8');
  const block =
    /<!-- host-snippet:start -->\s*```html\n([\s\S]*?)```\s*<!-- host-snippet:end -->/.exec(
      doc,
    )?.[1];
  if (!block) throw new Error('docs/embedding.md has no host snippet between its markers');
  const snippet = block
    .replace(`${DOC_ORIGIN}/health?embed=1`, appUrl)
    .replaceAll(DOC_ORIGIN, new URL(appUrl).origin);
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Portal</title><link rel="icon" href="data:," /></head>
  <body style="margin: 0">
    <script>
      window.received = [];
      window.addEventListener('message', (event) =>
        window.received.push({ origin: event.origin, data: event.data }),
      );
    </script>
${snippet}
  </body>
</html>
`;
}

export type HostPageOptions = {
  /** Address the iframe loads. */
  src: string;
  /** The app's origin, handed to connectObservatory. */
  appOrigin: string;
  /** `no-referrer` hides the portal's origin from the app, so it must learn it from a message. */
  referrerPolicy?: 'no-referrer';
};

/**
 * A portal page: an iframe with the app, connected with the host helper, every message it
 * receives kept in `window.received` for the test to read.
 */
function hostHtml({ src, appOrigin, referrerPolicy }: HostPageOptions): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Portal</title>
    <link rel="icon" href="data:," />
    <style>
      body { margin: 0; font-family: sans-serif; }
      iframe { display: block; width: 1000px; height: 150px; border: 0; }
    </style>
  </head>
  <body>
    <h1>Portal</h1>
    <iframe id="observatory" title="Observatory" src="${attr(src)}"${
      referrerPolicy ? ` referrerpolicy="${referrerPolicy}"` : ''
    }></iframe>
    <script type="module">
      import { connectObservatory } from '/host.js';
      window.received = [];
      window.addEventListener('message', (event) =>
        window.received.push({ origin: event.origin, data: event.data }),
      );
      const iframe = document.getElementById('observatory');
      window.observatory = connectObservatory(iframe, { origin: ${JSON.stringify(appOrigin)} });
      window.observatory.autoResize();
    </script>
  </body>
</html>
`;
}

export type HostServer = {
  origin: string;
  /** Address of a portal page embedding `options.src`. */
  pageUrl: (options: HostPageOptions) => string;
  /** Address of a portal page built from the documented snippet, embedding `appUrl`. */
  snippetUrl: (appUrl: string) => string;
  close: () => Promise<void>;
};

/** Serves portal pages and the compiled helper from an origin of its own. */
export async function startHostServer(): Promise<HostServer> {
  const helper = compileHostHelper();
  const { origin, close } = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/host.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(helper);
    } else if (url.pathname === '/portal.html') {
      const options = JSON.parse(url.searchParams.get('options') ?? '{}') as HostPageOptions;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostHtml(options));
    } else if (url.pathname === '/snippet.html') {
      const html = snippetHtml(url.searchParams.get('app') ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return {
    origin,
    pageUrl: (options) =>
      `${origin}/portal.html?${new URLSearchParams({ options: JSON.stringify(options) })}`,
    snippetUrl: (appUrl) => `${origin}/snippet.html?${new URLSearchParams({ app: appUrl })}`,
    close,
  };
}
