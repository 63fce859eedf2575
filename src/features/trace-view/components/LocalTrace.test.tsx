import fs from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '@/test/server';
import { registerLocalTrace } from '@/state/openedTraces';
import {
  FIXTURES,
  HAS_FIXTURES,
  renderTraceView,
  withViewportHeight,
} from '@/test/traces/traceView';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
withViewportHeight(720);

describe.skipIf(!HAS_FIXTURES)('trace view: a file opened on the Traces page', () => {
  it('shows the trace from the opened file, without asking the backend', async () => {
    const text = fs.readFileSync(
      path.join(FIXTURES, 'otlp/otel_proto_examples_trace.json'),
      'utf8',
    );
    const id = registerLocalTrace({ source: text, name: 'example.json' });
    renderTraceView('', id);
    const stats = within(await screen.findByTestId('trace-stats', {}, { timeout: 5000 }));
    expect(stats.getByText('Spans').nextSibling).toHaveTextContent(/\d/);
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });

  it('says the file must be opened again after a reload', async () => {
    renderTraceView('', 'local-does-not-exist');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Open the file again on the Traces page',
    );
  });
});
