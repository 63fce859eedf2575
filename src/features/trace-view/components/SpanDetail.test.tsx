import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '@/test/server';
import {
  HAS_FIXTURES,
  JAEGER_URL,
  LONG_VALUE,
  renderTraceView,
  row,
  SCRIPT_VALUE,
  serveFixture,
  waterfall,
  withViewportHeight,
} from '@/test/traces/traceView';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
withViewportHeight(720);

async function openDetail(operation: string) {
  await waterfall();
  await userEvent.click(row(operation));
  const detail = await screen.findByRole('complementary', { name: 'Span detail' });
  await within(detail).findByText('Attributes', { exact: false });
  return within(detail);
}

describe.skipIf(!HAS_FIXTURES)('trace view: span detail and analyses', () => {
  it('shows attribute values as text, never as markup, and long values cut', async () => {
    serveFixture();
    renderTraceView();
    const detail = await openDetail('chat model-a');
    expect(detail.getByRole('heading', { name: 'coding-agent: chat model-a' })).toBeInTheDocument();
    expect(detail.getByText(SCRIPT_VALUE)).toBeInTheDocument();
    expect(document.querySelector('aside script')).toBeNull();
    expect((window as { __traceViewPwned?: number }).__traceViewPwned).toBeUndefined();

    expect(detail.queryByText(LONG_VALUE)).toBeNull();
    await userEvent.click(detail.getByRole('button', { name: 'show all (600 chars)' }));
    expect(detail.getByText(LONG_VALUE)).toBeInTheDocument();

    expect(detail.getByText('gen_ai.request.model').nextSibling).toHaveTextContent('model-a');
    expect(detail.getByText('Duration').nextSibling).toHaveTextContent('1.8 s');
  });

  it('shows GenAI usage of the span and of its subtree, in the rows and in the detail', async () => {
    serveFixture();
    renderTraceView();
    const detail = await openDetail('chat model-a');
    expect(await detail.findByText('Model')).toBeInTheDocument();
    expect(detail.getByText('Model').nextSibling).toHaveTextContent('model-a');
    expect(detail.getByText('This span').nextSibling).toHaveTextContent('1,840 in · 260 out · –');
    // The agent span sums the model calls below it; the root sums the whole trace.
    expect(within(row('POST /api/graphql')).getByTitle(/GenAI tokens/)).toHaveTextContent(
      '8.28K→1.18K',
    );
    expect(within(row('invoke_agent triage-agent')).getByTitle(/GenAI tokens/)).toHaveTextContent(
      /→/,
    );

    await userEvent.click(screen.getByRole('tab', { name: 'GenAI usage' }));
    const table = within(screen.getByRole('region', { name: 'GenAI usage by model' }));
    const modelA = table.getByText('model-a').closest('tr') as HTMLElement;
    expect(modelA).toHaveTextContent('example-ai');
    expect(modelA).toHaveTextContent('7,360');
    expect(modelA).toHaveTextContent('1,040');
    expect(table.getByText('model-b').closest('tr')).toHaveTextContent('920');
  });

  it('explains flags in words and links the parent span', async () => {
    serveFixture();
    renderTraceView();
    const detail = await openDetail('graphql.execution');
    expect(
      detail.getByText(/Outlives its parent: it ends after its parent ended/),
    ).toBeInTheDocument();
    await userEvent.click(detail.getByRole('button', { name: '0000000000000002' }));
    expect(
      await detail.findByRole('heading', { name: 'graphql-gateway: Query.assistantReply' }),
    ).toBeInTheDocument();
    expect(row('Query.assistantReply')).toHaveAttribute('aria-selected', 'true');
  });

  it('highlights the critical path when switched on', async () => {
    serveFixture();
    renderTraceView();
    await waterfall();
    const toggle = screen.getByRole('button', { name: 'Critical path' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelector('[data-critical-segment]')).toBeNull();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The path runs through the root, Query.assistantReply and graphql.execution only.
    await waitFor(() =>
      expect(row('graphql.execution').querySelector('[data-critical-segment]')).not.toBeNull(),
    );
    expect(row('POST /api/graphql').querySelector('[data-critical-segment]')).not.toBeNull();
    expect(row('invoke_agent triage-agent').querySelector('[data-critical-segment]')).toBeNull();
    await userEvent.click(toggle);
    expect(document.querySelector('[data-critical-segment]')).toBeNull();
  });

  it('ranks operations by self time in a sortable table', async () => {
    serveFixture();
    renderTraceView();
    await waterfall();
    await userEvent.click(screen.getByRole('tab', { name: 'Self time by operation' }));
    const table = await screen.findByRole('region', { name: 'Self time by service and operation' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('graphql.execution');
    expect(rows[0]).toHaveTextContent('43 s');
    const spansCell = (r: HTMLElement) => within(r).getAllByRole('cell')[2]?.textContent;
    await userEvent.click(within(table).getByRole('button', { name: /^Spans/ }));
    // Most spans first: the MCP calls and token checks, seven each.
    expect(spansCell(within(table).getAllByRole('row')[1] as HTMLElement)).toBe('7');
    await userEvent.click(within(table).getByRole('button', { name: /^Spans/ }));
    expect(spansCell(within(table).getAllByRole('row')[1] as HTMLElement)).toBe('1');
  });
});

describe.skipIf(!HAS_FIXTURES)('trace view: failures in words', () => {
  it('says when the trace is not in Jaeger', async () => {
    serveFixture();
    renderTraceView('', 'ffff0000');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('The trace could not be loaded');
    expect(alert).toHaveTextContent('Trace ffff0000 was not found in Jaeger (HTTP 404');
    expect(alert).toHaveTextContent('trace not found');
  });

  it('says when the backend is down or answers garbage', async () => {
    server.use(http.get(`${JAEGER_URL}/api/traces/:id`, () => HttpResponse.error()));
    const first = renderTraceView();
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      /Cannot reach Jaeger at/,
    );
    first.unmount();

    server.use(
      http.get(`${JAEGER_URL}/api/traces/:id`, () => new HttpResponse('{"data": [{"traceID"')),
    );
    renderTraceView();
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      "Jaeger's response is not valid JSON",
    );
  });

  it('shows progress while loading', async () => {
    server.use(
      http.get(`${JAEGER_URL}/api/traces/:id`, () => new Promise<Response>(() => undefined)),
    );
    renderTraceView();
    expect(await screen.findByRole('status')).toHaveTextContent('Asking the backend for the trace');
  });
});
