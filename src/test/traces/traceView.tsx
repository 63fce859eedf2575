import fs from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { Route, Routes, useLocation } from 'react-router';
import { server } from '@/test/server';
import { PROMETHEUS_URL, renderView } from '@/test/renderView';
import TraceView from '@/features/trace-view/TraceViewPage';
import { FIXTURES_DIR } from './fixtures';

/** Helpers for the trace view's component tests: a real Jaeger fixture served by MSW. */

export { FIXTURES_DIR as FIXTURES, HAS_FIXTURES } from './fixtures';
/** For tests of the flow from one trace feature to another (search → trace → back). */
export { TraceView };

export const JAEGER_URL = 'http://localhost/demo/jaeger';
export const TRACE_ID = '4a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const SCRIPT_VALUE = '<script>window.__traceViewPwned = 1</script>';
export const LONG_VALUE = 'x'.repeat(600);

interface JaegerTag {
  key: string;
  type: string;
  value: unknown;
}
interface JaegerSpanDoc {
  spanID: string;
  tags: JaegerTag[];
}

/**
 * Jaeger UI's GenAI test trace (57 spans, 10 services, one error), with two tags added to
 * span 5 (the first "chat model-a"): a value holding a script tag and a 600-character value.
 */
export function fixtureTrace(): JsonBodyType {
  const doc = JSON.parse(
    fs.readFileSync(path.join(FIXTURES_DIR, 'jaeger/jaegerui_genaiTestTrace.json'), 'utf8'),
  ) as { spans: JaegerSpanDoc[] };
  const chat = doc.spans.find((s) => s.spanID === '0000000000000005');
  chat?.tags.push({ key: 'note', type: 'string', value: SCRIPT_VALUE });
  chat?.tags.push({ key: 'long.value', type: 'string', value: LONG_VALUE });
  return { data: [doc], total: 1, limit: 0, offset: 0, errors: null } as JsonBodyType;
}

export function serveFixture(body: JsonBodyType = fixtureTrace()) {
  server.use(
    http.get(`${JAEGER_URL}/api/traces/:id`, ({ params }) =>
      params.id === TRACE_ID
        ? HttpResponse.json(body)
        : HttpResponse.json(
            {
              data: null,
              total: 0,
              limit: 0,
              offset: 0,
              errors: [{ code: 404, msg: 'trace not found' }],
            },
            { status: 404 },
          ),
    ),
  );
}

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

export function renderTraceView(search = '', traceId = TRACE_ID) {
  return renderView(
    <Routes>
      <Route
        path="/traces/:traceId"
        element={
          <>
            <TraceView />
            <LocationProbe />
          </>
        }
      />
    </Routes>,
    {
      url: `/traces/${traceId}${search}`,
      config: {
        datasources: {
          prometheus: { url: PROMETHEUS_URL },
          traces: { kind: 'jaeger', url: JAEGER_URL },
        },
      },
    },
  );
}

/** Waits for the waterfall and returns it. */
export async function waterfall(): Promise<HTMLElement> {
  return screen.findByRole('tree', { name: 'Spans' }, { timeout: 5000 });
}

/** The row whose operation is `operation` (the first when several have it). */
export function row(operation: string): HTMLElement {
  const found = screen
    .getAllByRole('treeitem')
    .find((item) => within(item).queryByText(operation, { exact: true }));
  if (!found) throw new Error(`no row for ${operation}`);
  return found;
}

export function shownSpans(): string {
  return screen.getByTestId('shown-spans').textContent ?? '';
}

/** jsdom lays nothing out: give scroll containers a height so the list shows a screenful. */
export function withViewportHeight(height: number) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get() {
        return height;
      },
    });
  });
  afterAll(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });
}
