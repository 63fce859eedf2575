import fs from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { encodeTraceId } from '@mocks/traces/trace-ids';
import { detectAndParse } from '@/datasources/traces';
import { server } from '@/test/server';
import { renderView } from '@/test/renderView';
import TraceComparePage from '../TraceComparePage';
import { registerLocalTrace, useOpenedTraces } from '@/state/openedTraces';
import { FIXTURES_DIR as FIXTURES, HAS_FIXTURES } from '@/test/traces/fixtures';

if (!HAS_FIXTURES) console.warn(`SKIPPED: trace compare fixture tests, ${FIXTURES} not found`);

const JAEGER = { datasources: { traces: { kind: 'jaeger', url: 'http://localhost/demo/jaeger' } } };
const START_MS = Date.UTC(2026, 0, 1, 12, 0, 0);

const readFixture = (relative: string) => fs.readFileSync(path.join(FIXTURES, relative), 'utf8');

/** Registers a fixture as the file opener does: parsed, or as text still to parse. */
function openFixture(relative: string, { parsed }: { parsed: boolean }): string {
  const text = readFixture(relative);
  const name = path.basename(relative);
  if (!parsed) return registerLocalTrace({ source: text, name });
  const result = detectAndParse(text);
  return registerLocalTrace({ source: text, name, trace: result.traces[0], format: result.format });
}

const rowsOf = (region: HTMLElement) => within(region).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) =>
  [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  useOpenedTraces.setState({ entries: [] });
});
afterAll(() => server.close());

describe.skipIf(!HAS_FIXTURES)('TraceComparePage with trace files', () => {
  it('summarises both traces and lists each path with counts, durations and what changed', async () => {
    const a = openFixture('jaeger/jaegerui_child_longer_than_parent_starts_after.json', {
      parsed: true,
    });
    const b = openFixture('jaeger/jaegerui_multiple_roots_duplicate_spanid.json', {
      parsed: false,
    });
    renderView(<TraceComparePage />, {
      url: `/traces/compare?a=${a}&b=${b}&tz=utc`,
      config: JAEGER,
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Compare traces' })).toBeInTheDocument();
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(rowsOf(summary).map(cells)).toEqual([
      ['Spans', '2', '4', '+2 (+100%)'],
      ['Duration', '400 µs', '500 µs', '+100 µs (+25%)'],
      ['Errors', '0', '0', 'same'],
      ['Services', '2', '1', '−1 (−50%)'],
      ['Depth', '2', '1', '−1 (−50%)'],
    ]);

    const paths = screen.getByRole('region', { name: 'Paths compared' });
    const rows = rowsOf(paths);
    expect(rows.map((r) => [cells(r).slice(0, 4), r.dataset.status])).toEqual([
      [['service-one: send', '1', '1', '0'], 'same'],
      [['service-two: async task 1only in A', '1', '–', '−1'], 'only-a'],
      [['service-one: span with testonly in B', '–', '1', '+1'], 'only-b'],
      [['service-one: another span with testonly in B', '–', '1', '+1'], 'only-b'],
      [['service-one: span with test1only in B', '–', '1', '+1'], 'only-b'],
    ]);
    expect(
      screen.getByText(/5 paths: 1 only in A, 3 only in B, 0 changed, 1 unchanged\./),
    ).toBeInTheDocument();
  });

  it('filters to changed paths and sorts by a column', async () => {
    const user = userEvent.setup();
    const a = openFixture('jaeger/jaegerui_child_longer_than_parent_starts_after.json', {
      parsed: true,
    });
    const b = openFixture('jaeger/jaegerui_multiple_roots_duplicate_spanid.json', { parsed: true });
    renderView(<TraceComparePage />, { url: `/traces/compare?a=${a}&b=${b}`, config: JAEGER });

    const paths = await screen.findByRole('region', { name: 'Paths compared' });
    await user.click(screen.getByRole('checkbox', { name: 'Changed only' }));
    expect(rowsOf(paths).map((r) => r.dataset.status)).toEqual([
      'only-a',
      'only-b',
      'only-b',
      'only-b',
    ]);

    await user.click(within(paths).getByRole('button', { name: 'Δ spans' }));
    expect(rowsOf(paths).map((r) => cells(r)[3])).toEqual(['+1', '+1', '+1', '−1']);
    await user.click(within(paths).getByRole('button', { name: /Δ spans/ }));
    expect(rowsOf(paths).map((r) => cells(r)[3])).toEqual(['−1', '+1', '+1', '+1']);
  });

  it('says a local trace is gone after a reload', async () => {
    const a = openFixture('jaeger/model_fixture_trace.json', { parsed: true });
    renderView(<TraceComparePage />, {
      url: `/traces/compare?a=${a}&b=local-gone-1`,
      config: JAEGER,
    });
    const side = await screen.findByRole('region', { name: 'Trace B' });
    const alert = await within(side).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Trace local-gone-1 came from a file opened in this browser tab earlier',
    );
    // Asking again cannot bring the file back.
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});

describe('TraceComparePage with backend traces', () => {
  const demoId = (spans: number, seed: number) =>
    encodeTraceId({ spans, startMs: START_MS, rootService: 0, seed });

  it('fetches both traces from the backend and compares them', async () => {
    const a = demoId(10, 1);
    const b = demoId(40, 2);
    renderView(<TraceComparePage />, {
      url: `/traces/compare?a=${a}&b=${b}&tz=utc`,
      config: JAEGER,
    });
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(cells(rowsOf(summary)[0] as HTMLElement)).toEqual(['Spans', '10', '40', '+30 (+300%)']);
    const side = screen.getByRole('region', { name: 'Trace A' });
    expect(within(side).getByRole('link').getAttribute('href')).toBe(`/traces/${a}?tz=utc`);
    expect(within(side).getByText(/^Started 2026-01-01 12:00:00/)).toBeInTheDocument();
  });

  it('shows the backend’s message for a trace it does not have', async () => {
    const missing = 'ffffffffffffffffffffffffffffffff';
    renderView(<TraceComparePage />, {
      url: `/traces/compare?a=${demoId(10, 1)}&b=${missing}`,
      config: JAEGER,
    });
    const side = await screen.findByRole('region', { name: 'Trace B' });
    const alert = await within(side).findByRole('alert');
    expect(alert).toHaveTextContent('The trace could not be loaded');
    expect(alert).toHaveTextContent(`Trace ${missing} was not found`);
    expect(alert).toHaveTextContent('trace not found');
    expect(alert).toHaveTextContent('the id may be mistyped');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('compares the ids typed into the form', async () => {
    const user = userEvent.setup();
    renderView(<TraceComparePage />, { url: '/traces/compare', config: JAEGER });
    expect(screen.getByText(/Enter two trace ids/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Trace A'), demoId(12, 3));
    await user.type(screen.getByLabelText('Trace B'), demoId(12, 3));
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(
      await screen.findByText(/0 only in A, 0 only in B, 0 changed, \d+ unchanged\./),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Changed only' }));
    expect(
      screen.getByText('The two traces have the same structure, span counts and durations.'),
    ).toBeInTheDocument();
  });
});
