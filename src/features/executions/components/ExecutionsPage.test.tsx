import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { LiveProvider } from '@/query/live/LiveProvider';
import { renderView } from '@/test/renderView';
import { server } from '@/test/server';
import ExecutionsPage from '../ExecutionsPage';

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const DEMO_GATEWAY = { datasources: { live: { url: 'http://localhost/demo/gateway' } } };

function renderPage(url: string, config: Record<string, unknown> = DEMO_GATEWAY) {
  return renderView(
    <LiveProvider>
      <Routes>
        <Route path="/executions" element={<ExecutionsPage />} />
        <Route path="/executions/:executionId" element={<ExecutionsPage />} />
      </Routes>
    </LiveProvider>,
    { url, config },
  );
}

const table = () => screen.getByRole('region', { name: 'Recent workflow runs' });

describe('ExecutionsPage', () => {
  it('lists recent runs from the gateway and filters them by status', async () => {
    const user = userEvent.setup();
    renderPage('/executions');
    await waitFor(() => expect(within(table()).getAllByRole('row').length).toBeGreaterThan(5));
    const header = within(table())
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(header).toEqual([
      'Run',
      'Workflow',
      'Status',
      'Started',
      'Duration',
      'Steps',
      'Tokens',
      'Cost',
    ]);

    await user.selectOptions(screen.getByTestId('execution-status-filter'), 'succeeded');
    const statuses = within(table())
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('[data-status]')?.getAttribute('data-status'));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['succeeded']));
  });

  it('opens a run from the list and shows its steps live', async () => {
    const user = userEvent.setup();
    renderPage('/executions');
    await waitFor(() => expect(within(table()).getAllByRole('link').length).toBeGreaterThan(0));
    const link = within(table()).getAllByRole('link')[3]!;
    const id = link.textContent!;
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: `Execution ${id}` })).toBeVisible();
    await waitFor(() =>
      expect(document.querySelectorAll('[data-step-id]').length).toBeGreaterThan(0),
    );
    const ids = [...document.querySelectorAll('[data-step-id]')].map((row) =>
      row.getAttribute('data-step-id'),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('explains that runs need a gateway when none is configured', () => {
    renderPage('/executions', {});
    expect(screen.getByText(/No live gateway is configured/)).toBeVisible();
  });
});
