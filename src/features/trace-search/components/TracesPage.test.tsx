import fs from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { server } from '@/test/server';
import { renderView } from '@/test/renderView';
import TracesPage from '../TracesPage';
import { TraceView } from '@/test/traces/traceView';
import { PARSE_HERE_MAX_BYTES } from '../hooks/useTraceFileOpener';
import { getLocalTrace, useOpenedTraces } from '@/state/openedTraces';
import { FIXTURES_DIR as FIXTURES, HAS_FIXTURES } from '@/test/traces/fixtures';

if (!HAS_FIXTURES) console.warn(`SKIPPED: trace file tests, ${FIXTURES} not found`);

const JAEGER = { datasources: { traces: { kind: 'jaeger', url: 'http://localhost/demo/jaeger' } } };
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const RANGE = `from=${T0}&to=${T0 + 3_600_000}&tz=utc`;

function Location() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{pathname + search}</output>;
}

/** Stands in for the trace view: shows what a `local-…` id resolves to. */
function TraceProbe() {
  const { traceId = '' } = useParams();
  const entry = getLocalTrace(traceId);
  let text = 'unknown';
  if (entry?.trace) {
    text = `${entry.name}: ${entry.trace.spans.length} spans of ${entry.trace.services.join(', ')}`;
  } else if (entry) {
    text = `${entry.name}: ${entry.sizeBytes} bytes to parse`;
  }
  return <p data-testid="opened-trace">{text}</p>;
}

function renderPage(url: string, config: Record<string, unknown> = JAEGER) {
  return renderView(
    <Routes>
      <Route path="/traces" element={<TracesPage />} />
      <Route path="/traces/:traceId" element={<TraceProbe />} />
    </Routes>,
    { url, config },
  ).container;
}

const location = () => screen.getByTestId('location').textContent ?? '';
const resultsTable = () => screen.findByRole('region', { name: 'Trace search results' });
const fixtureFile = (relative: string) =>
  new File([fs.readFileSync(path.join(FIXTURES, relative), 'utf8')], path.basename(relative), {
    type: 'application/json',
  });
const dropFile = (file: File) =>
  fireEvent.drop(screen.getByTestId('trace-drop-zone'), { dataTransfer: { files: [file] } });

const UNIT_MS: Record<string, number> = { µs: 0.001, ms: 1, s: 1000 };
/** Reads back a formatted duration ("340 ms", "1.2 s") to check an order. */
const toMs = (text: string) => {
  const match = /^([\d.,]+) (µs|ms|s)$/.exec(text.trim());
  if (!match) throw new Error(`unexpected duration ${text}`);
  return Number((match[1] as string).replace(/,/g, '')) * (UNIT_MS[match[2] as string] ?? NaN);
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  useOpenedTraces.setState({ entries: [] });
});
afterAll(() => server.close());

describe('TracesPage search', () => {
  it('returns from an opened trace to the same search and its results', async () => {
    const search = `/traces?${RANGE}&service=api-gateway&limit=5`;
    renderView(
      <>
        <Routes>
          <Route path="/traces" element={<TracesPage />} />
          <Route path="/traces/:traceId" element={<TraceView />} />
        </Routes>
        <Location />
      </>,
      { url: search, config: JAEGER },
    );
    const firstResult = within(await resultsTable()).getAllByRole('link')[0] as HTMLElement;
    await userEvent.click(firstResult);
    expect(location()).toMatch(/^\/traces\/[0-9a-f]+\?/);

    await userEvent.click(screen.getByRole('link', { name: '← Traces' }));
    expect(location()).toBe(search);
    expect(await resultsTable()).toBeInTheDocument();
  });

  it('writes the submitted form to the URL, searches the backend with it and lists the results', async () => {
    const searches: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/api/traces')) searches.push(url);
    });
    const user = userEvent.setup();
    renderView(
      <>
        <TracesPage />
        <Location />
      </>,
      { url: `/traces?${RANGE}`, config: JAEGER },
    );

    expect(screen.getByRole('heading', { level: 1, name: 'Traces' })).toBeInTheDocument();
    expect(screen.getByText(/Choose a service and press Find traces/)).toBeInTheDocument();
    await screen.findByRole('option', { name: 'api-gateway' });
    await user.selectOptions(screen.getByLabelText('Service'), 'api-gateway');
    await screen.findByRole('option', { name: 'POST /api/v1/tasks' });
    await user.type(screen.getByLabelText('Tags'), 'error=true http.status_code=500');
    await user.type(screen.getByLabelText('Limit'), '5');
    await user.click(screen.getByRole('button', { name: 'Find traces' }));

    const url = new URLSearchParams(location().split('?')[1]);
    expect(Object.fromEntries(url)).toEqual({
      from: String(T0),
      to: String(T0 + 3_600_000),
      tz: 'utc',
      service: 'api-gateway',
      tags: 'error=true http.status_code=500',
      limit: '5',
    });
    const table = await resultsTable();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(screen.getByText('5 traces (the limit; raise it to see more)')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByRole('link').textContent).toMatch(/^api-gateway: /);
    expect(
      within(rows[0] as HTMLElement).getByText(/^2026-01-01 12:\d\d:\d\d$/),
    ).toBeInTheDocument();

    const sent = searches.at(-1)?.searchParams;
    expect(sent?.get('service')).toBe('api-gateway');
    expect(sent?.get('tags')).toBe('{"error":"true","http.status_code":"500"}');
    expect(sent?.get('start')).toBe(String(T0 * 1000));
    expect(screen.getByTestId('duration-scatter')).toBeInTheDocument();
  });

  it('opens a result in the trace view with the time range and zone kept', async () => {
    const user = userEvent.setup();
    renderView(
      <>
        <TracesPage />
        <Location />
      </>,
      { url: `/traces?service=orchestrator&limit=3&${RANGE}`, config: JAEGER },
    );
    const link = within(await resultsTable()).getAllByRole('link')[0] as HTMLElement;
    await user.click(link);
    expect(location()).toMatch(new RegExp(`^/traces/[0-9a-f]{32}\\?${RANGE}$`));
  });

  it('opens the trace of a dot clicked in the duration scatter', async () => {
    renderView(
      <>
        <TracesPage />
        <Location />
      </>,
      { url: `/traces?service=orchestrator&limit=3&${RANGE}`, config: JAEGER },
    );
    await resultsTable();
    const dots = screen
      .getByTestId('duration-scatter')
      .querySelectorAll('.recharts-scatter-symbol');
    expect(dots).toHaveLength(3);
    fireEvent.click(dots[0] as Element);
    expect(location()).toMatch(new RegExp(`^/traces/[0-9a-f]{32}\\?${RANGE}$`));
  });

  it('sorts results by duration and links two selected traces to the comparison', async () => {
    const user = userEvent.setup();
    renderPage(`/traces?service=orchestrator&limit=6&${RANGE}`);
    const table = await resultsTable();
    await user.click(within(table).getByRole('button', { name: 'Duration' }));
    expect(within(table).getByRole('columnheader', { name: /Duration/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const durations = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => (row.children[3] as HTMLElement).textContent ?? '');
    expect(durations).toHaveLength(6);
    const ms = durations.map(toMs);
    expect(ms).toEqual([...ms].sort((x, y) => y - x));

    const boxes = within(table).getAllByRole('checkbox');
    expect(screen.getByText('Select two traces to compare')).toBeInTheDocument();
    await user.click(boxes[0] as HTMLElement);
    await user.click(boxes[1] as HTMLElement);
    expect(boxes[2]).toBeDisabled();
    const compare = screen.getByRole('link', { name: 'Compare the two selected traces' });
    expect(compare.getAttribute('href')).toMatch(
      new RegExp(`^/traces/compare\\?a=[0-9a-f]{32}&b=[0-9a-f]{32}&${RANGE}$`),
    );
  });

  it('shows the backend’s own message when the search fails', async () => {
    server.use(
      http.get('*/demo/jaeger/api/traces', () =>
        HttpResponse.json(
          {
            data: null,
            total: 0,
            limit: 0,
            offset: 0,
            errors: [{ code: 503, msg: 'cassandra: no hosts available' }],
          },
          { status: 503 },
        ),
      ),
    );
    renderPage(`/traces?service=api-gateway&${RANGE}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Query failed');
    expect(alert).toHaveTextContent('cassandra: no hosts available');
  });

  it('says when nothing matches', async () => {
    renderPage(`/traces?service=api-gateway&minDuration=1h&${RANGE}`);
    expect(await screen.findByText(/No traces match this search/)).toBeInTheDocument();
  });

  it('keeps the Errors view’s tag filter and asks for the service Jaeger needs', async () => {
    renderPage(`/traces?tags=error%3Dtrue&${RANGE}`);
    expect(screen.getByLabelText('Tags')).toHaveValue('error=true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Choose a service: Jaeger searches one service at a time.',
    );
  });

  it('shows the message when services cannot be listed, and lets a service be typed', async () => {
    server.use(
      http.get('*/demo/jaeger/api/services', () =>
        HttpResponse.text('upstream connect error', { status: 502 }),
      ),
    );
    renderPage(`/traces?${RANGE}`);
    expect(
      await screen.findByText(/Could not list services: .*upstream connect error/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Service').tagName).toBe('INPUT');
  });

  it('says how to configure a backend when there is none, and still opens files', () => {
    renderPage(`/traces?${RANGE}`, {});
    expect(screen.getByText(/No trace backend is configured/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose a file…' })).toBeInTheDocument();
  });
});

describe('TracesPage on Tempo', () => {
  const TEMPO = { datasources: { traces: { kind: 'tempo', url: 'http://localhost/tempo' } } };

  it('searches with TraceQL from the URL and shows what Tempo knows of each hit', async () => {
    const queries: Array<string | null> = [];
    server.use(
      http.get('http://localhost/tempo/api/search/tag/service.name/values', () =>
        HttpResponse.json({ tagValues: ['checkout', 'frontend'] }),
      ),
      http.get('http://localhost/tempo/api/search', ({ request }) => {
        queries.push(new URL(request.url).searchParams.get('q'));
        return HttpResponse.json({
          traces: [
            {
              traceID: '2f3e0cee77ae5dc9c17ade3689eb2e54',
              rootServiceName: 'frontend',
              rootTraceName: 'GET /cart',
              startTimeUnixNano: String((T0 + 60_000) * 1e6),
              durationMs: 1250,
            },
          ],
        });
      }),
    );
    const user = userEvent.setup();
    renderView(
      <>
        <TracesPage />
        <Location />
      </>,
      { url: `/traces?${RANGE}`, config: TEMPO },
    );
    await user.type(screen.getByLabelText('TraceQL'), '{{ status = error }');
    await user.click(screen.getByRole('button', { name: 'Find traces' }));

    expect(new URLSearchParams(location().split('?')[1]).get('q')).toBe('{ status = error }');
    const row = within(await resultsTable()).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByRole('link')).toHaveTextContent('frontend: GET /cart');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', 'frontend: GET /cart2f3e0cee', '2026-01-01 12:01:00', '1.25 s', '–', '–', '']);
    expect(queries.at(-1)).toBe('{ status = error }');
  });
});

describe.skipIf(!HAS_FIXTURES)('TracesPage trace files', () => {
  it('opens a dropped OTLP file with one trace in the trace view', async () => {
    renderPage(`/traces?${RANGE}`);
    dropFile(fixtureFile('otlp/otel_proto_examples_trace.json'));
    expect(await screen.findByTestId('opened-trace')).toHaveTextContent(
      'otel_proto_examples_trace.json: 1 spans of my.service',
    );
  });

  it('lists the traces of a file that holds several, to open or compare', async () => {
    const user = userEvent.setup();
    renderPage(`/traces?${RANGE}`);
    const input = screen.getByLabelText('Trace file');
    await user.upload(input, fixtureFile('otlp/jaeger_memory_otel_traces_01.json'));
    const heading = await screen.findByRole('heading', {
      name: '2 traces in jaeger_memory_otel_traces_01.json',
    });
    const panel = heading.closest('section') as HTMLElement;
    const boxes = within(panel).getAllByRole('checkbox');
    await user.click(boxes[0] as HTMLElement);
    await user.click(boxes[1] as HTMLElement);
    expect(
      within(panel)
        .getByRole('link', { name: 'Compare the two selected traces' })
        .getAttribute('href'),
    ).toMatch(/^\/traces\/compare\?a=local-[\w-]+&b=local-[\w-]+&/);
    const table = within(panel).getByRole('region', {
      name: 'Traces in jaeger_memory_otel_traces_01.json',
    });
    await user.click(within(table).getAllByRole('link')[0] as HTMLElement);
    expect(await screen.findByTestId('opened-trace')).toHaveTextContent(
      /^jaeger_memory_otel_traces_01.json: 2 spans/,
    );

    // Back on the Traces page, the file's list is there again: no need to open it once more.
    cleanup();
    renderPage(`/traces?${RANGE}`);
    expect(
      screen.getByRole('heading', { name: '2 traces in jaeger_memory_otel_traces_01.json' }),
    ).toBeInTheDocument();
  });

  it('explains a file that is not a trace and lists the formats read', async () => {
    renderPage(`/traces?${RANGE}`);
    dropFile(fixtureFile('otlp/otel_proto_examples_metrics.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open otel_proto_examples_metrics.json');
    expect(alert).toHaveTextContent('This is OTLP metric data, not a trace.');
    expect(within(alert).getByText('Formats this app reads')).toBeInTheDocument();
  });
});

describe('TracesPage opening files', () => {
  it('hands a file too big to parse here to the trace view unparsed', async () => {
    renderPage(`/traces?${RANGE}`);
    const big = new File(['{"data": []}'.padEnd(PARSE_HERE_MAX_BYTES + 1, ' ')], 'big.json');
    dropFile(big);
    expect(await screen.findByTestId('opened-trace')).toHaveTextContent(
      `big.json: ${PARSE_HERE_MAX_BYTES + 1} bytes to parse`,
    );
  });

  it('reports malformed JSON with the parser’s message', async () => {
    renderPage(`/traces?${RANGE}`);
    dropFile(new File(['{"resourceSpans": [ {"scopeSpans": '], 'broken.json'));
    expect(screen.getByRole('progressbar', { name: 'Opening broken.json' })).toBeInTheDocument();
    expect(screen.getByText('35 B')).toBeInTheDocument();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open broken.json (35 B)');
    expect(alert).toHaveTextContent('The file is not valid JSON');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
