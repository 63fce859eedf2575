import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '@/test/server';
import { prometheusStub, renderWithApp, type PromRoute } from '../testing';
import AgentsPage from '../AgentsPage';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const tokens = (
  agent: string,
  model: string,
  provider: string,
  type: string,
  value: number,
): [Record<string, string>, number] => [
  { agent, gen_ai_request_model: model, gen_ai_provider_name: provider, gen_ai_token_type: type },
  value,
];

// Substrings of the aet preset's PromQL that tell the panel queries apart.
const Q = {
  requestRate: 'sum by (agent) (rate(aet_agent_requests_total[',
  success: 'aet_tasks_total{status="success"}',
  p50: 'histogram_quantile(0.5, sum by (agent, le)',
  p95: 'histogram_quantile(0.95, sum by (agent, le)',
  p99: 'histogram_quantile(0.99, sum by (agent, le)',
  tokensByAgent: 'sum by (agent, gen_ai_request_model',
  operationRate: 'sum by (operation) (rate(aet_agent_requests_total',
  tokenRate: 'sum by (gen_ai_request_model, gen_ai_provider_name, gen_ai_token_type) (rate(',
  toolCalls: 'aet_tool_calls_total',
};

const tableRoutes: PromRoute[] = [
  {
    match: Q.requestRate,
    vector: [
      [{ agent: 'planner' }, 2],
      [{ agent: 'coder' }, 0.5],
    ],
  },
  {
    match: Q.success,
    vector: [
      [{ agent: 'planner' }, 0.875],
      [{ agent: 'coder' }, 1],
    ],
  },
  {
    match: Q.p50,
    vector: [
      [{ agent: 'planner' }, 0.4],
      [{ agent: 'coder' }, 1.1],
    ],
  },
  // reviewer answers only this query: it still gets a row.
  {
    match: Q.p95,
    vector: [
      [{ agent: 'planner' }, 1.5],
      [{ agent: 'coder' }, 12],
      [{ agent: 'reviewer' }, 3],
    ],
  },
  {
    match: Q.p99,
    vector: [
      [{ agent: 'planner' }, 2.5],
      [{ agent: 'coder' }, 20],
    ],
  },
  {
    match: Q.tokensByAgent,
    vector: [
      tokens('planner', 'gpt-4o', 'openai', 'input', 1_000_000),
      tokens('planner', 'gpt-4o', 'openai', 'output', 100_000),
      tokens('coder', 'in-house-7b', 'acme', 'input', 2_000),
    ],
  },
];

function use(routes: PromRoute[], sent?: string[]) {
  server.use(...prometheusStub(routes, sent));
}

const agentsTable = async () => within(await screen.findByTestId('agents-table'));
type Scope = Awaited<ReturnType<typeof agentsTable>>;
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
const bodyRows = (scope: Scope) => scope.getAllByRole('row').slice(1);
const cellsOf = (table: Scope, agent: string) =>
  cellTexts(table.getByRole('button', { name: agent }).closest('tr') as HTMLElement);
const agentOrder = (table: Scope) => bodyRows(table).map((row) => cellTexts(row)[0]);

describe('AgentsPage', () => {
  it('shows one formatted row per agent joined from every query, with – where an agent has no value', async () => {
    use(tableRoutes);
    renderWithApp(<AgentsPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Agents' })).toBeInTheDocument();
    const table = await agentsTable();
    expect(cellsOf(table, 'planner')).toEqual([
      'planner',
      '2 req/s',
      '87.5%',
      '400 ms',
      '1.5 s',
      '2.5 s',
      '1.1M',
      '$3.50',
    ]);
    expect(cellsOf(table, 'reviewer')).toEqual(['reviewer', '–', '–', '–', '3 s', '–', '–', '–']);
  });

  it('names a model without a price instead of counting it as $0', async () => {
    use(tableRoutes);
    renderWithApp(<AgentsPage />);
    const table = await agentsTable();
    expect(cellsOf(table, 'coder')[7]).toBe('no price');
    expect(
      table.getByText(/No price for model in-house-7b — add it to prices in config.json/),
    ).toBeInTheDocument();
  });

  it('marks a cost that leaves out an unpriced model', async () => {
    use([
      {
        match: Q.tokensByAgent,
        vector: [
          tokens('coder', 'gpt-4o', 'openai', 'input', 1_000_000),
          tokens('coder', 'in-house-7b', 'acme', 'input', 2_000),
        ],
      },
    ]);
    renderWithApp(<AgentsPage />);
    const table = await agentsTable();
    expect(cellsOf(table, 'coder')[7]).toBe('$2.50 + ?');
    expect(table.getByText(/No price for model in-house-7b/)).toBeInTheDocument();
  });

  it('prices a model from the config prices', async () => {
    use(tableRoutes);
    renderWithApp(<AgentsPage />, {
      config: { prices: { 'in-house-7b': { inputPerMTok: 5, outputPerMTok: 5 } } },
    });
    const table = await agentsTable();
    expect(cellsOf(table, 'coder')[7]).toBe('$0.01');
    expect(screen.queryByText(/No price for model/)).not.toBeInTheDocument();
  });

  it('reorders the rows when sorted by p95', async () => {
    use(tableRoutes);
    renderWithApp(<AgentsPage />);
    const table = await agentsTable();
    // Busiest first by default.
    expect(agentOrder(table)).toEqual(['planner', 'coder', 'reviewer']);
    await userEvent.click(table.getByRole('button', { name: 'p95' }));
    expect(agentOrder(table)).toEqual(['coder', 'reviewer', 'planner']);
    await userEvent.click(table.getByRole('button', { name: /p95/ }));
    expect(agentOrder(table)).toEqual(['planner', 'reviewer', 'coder']);
  });

  it('narrows the operation charts to the agent picked in the table, and clears', async () => {
    const sent: string[] = [];
    use(
      [
        ...tableRoutes,
        { match: Q.operationRate, matrix: [[{ operation: 'plan' }, [[1_700_000_000, 1]]]] },
      ],
      sent,
    );
    renderWithApp(<AgentsPage />);
    expect(
      await screen.findByText('Requests per second by operation · all agents'),
    ).toBeInTheDocument();
    const table = await agentsTable();

    await userEvent.click(table.getByRole('button', { name: 'planner' }));

    expect(screen.getByTestId('location')).toHaveTextContent('var-agent=planner');
    expect(screen.getByTestId('agent-scope')).toHaveTextContent('Showing: planner · clear');
    expect(table.getByRole('button', { name: 'planner' })).toHaveAttribute('aria-pressed', 'true');
    expect(
      await screen.findByText('Requests per second by operation · planner'),
    ).toBeInTheDocument();
    expect(screen.getByText('p95 latency by operation · planner')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        sent.some((q) => q.includes(Q.operationRate) && q.includes('{agent=~"(planner)"}')),
      ).toBe(true),
    );

    await userEvent.click(screen.getByRole('button', { name: 'clear' }));
    expect(screen.getByTestId('location')).not.toHaveTextContent('var-agent');
    expect(
      await screen.findByText('Requests per second by operation · all agents'),
    ).toBeInTheDocument();
  });

  it('selects an agent from the keyboard', async () => {
    use(tableRoutes);
    renderWithApp(<AgentsPage />);
    const table = await agentsTable();
    table.getByRole('button', { name: 'coder' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('var-agent=coder');
    // Pressing the selected agent again goes back to all agents.
    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('location')).not.toHaveTextContent('var-agent');
  });

  it('reads the agent from a shared link', async () => {
    const sent: string[] = [];
    use(tableRoutes, sent);
    renderWithApp(<AgentsPage />, { url: '/agents?var-agent=coder' });
    expect(screen.getByTestId('agent-scope')).toHaveTextContent('Showing: coder · clear');
    expect(screen.getByText('Tool (MCP) calls · coder')).toBeInTheDocument();
    await waitFor(() =>
      expect(sent.some((q) => q.includes(Q.toolCalls) && q.includes('agent=~"(coder)"'))).toBe(
        true,
      ),
    );
  });

  it('narrows the token and cost charts to a model from a shared link, and back to all', async () => {
    const sent: string[] = [];
    use(tableRoutes, sent);
    renderWithApp(<AgentsPage />, { url: '/agents?var-model=gpt-4o' });
    expect(screen.getByTestId('model-scope')).toHaveTextContent('Tokens and cost of model gpt-4o');
    expect(
      screen.getByText('Tokens per second by model and type · all agents · gpt-4o'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        sent.some((q) => q.includes(Q.tokenRate) && q.includes('gen_ai_request_model=~"(gpt-4o)"')),
      ).toBe(true),
    );
    // The agent charts are not about models: they stay as they were.
    expect(screen.getByText('Requests per second by operation · all agents')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'all models' }));
    expect(screen.getByTestId('location')).not.toHaveTextContent('var-model');
    expect(screen.queryByTestId('model-scope')).toBeNull();
    await waitFor(() =>
      expect(
        sent.some((q) => q.includes(Q.tokenRate) && q.includes('gen_ai_request_model=~".*"')),
      ).toBe(true),
    );
  });

  it("keeps the other columns when one query fails, and shows the backend's message", async () => {
    use([
      {
        match: Q.p99,
        error: {
          status: 422,
          errorType: 'execution',
          error: 'query timed out in expression evaluation',
        },
      },
      ...tableRoutes,
    ]);
    renderWithApp(<AgentsPage />);
    const table = await agentsTable();
    expect(table.getByRole('alert')).toHaveTextContent(
      'p99 query failed: Prometheus returned HTTP 422 Unprocessable Entity: execution: query timed out in expression evaluation',
    );
    expect(cellsOf(table, 'planner')).toEqual([
      'planner',
      '2 req/s',
      '87.5%',
      '400 ms',
      '1.5 s',
      '–',
      '1.1M',
      '$3.50',
    ]);
  });

  it("shows the backend's message in a panel whose only query fails", async () => {
    use([
      {
        match: Q.toolCalls,
        error: { status: 400, errorType: 'bad_data', error: 'unknown function "increse"' },
      },
      ...tableRoutes,
    ]);
    renderWithApp(<AgentsPage />);
    const panel = (await screen.findByText('Tool (MCP) calls · all agents')).closest(
      'section',
    ) as HTMLElement;
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'bad_data: unknown function "increse"',
    );
  });

  it('lists tool calls with failed outcomes marked', async () => {
    use([
      ...tableRoutes,
      {
        match: Q.toolCalls,
        vector: [
          [{ agent: 'coder', tool: 'git.diff', status: 'success' }, 120],
          [{ agent: 'coder', tool: 'shell.exec', status: 'error' }, 7],
        ],
      },
    ]);
    renderWithApp(<AgentsPage />);
    const tools = within(await screen.findByTestId('tool-calls'));
    const rows = bodyRows(tools).map(cellTexts);
    expect(rows).toEqual([
      ['coder', 'git.diff', 'success', '120'],
      ['coder', 'shell.exec', '✕ error', '7'],
    ]);
  });

  it('derives cost per hour from token rates and prices, by provider or by model', async () => {
    use([
      ...tableRoutes,
      {
        match: Q.tokenRate,
        matrix: [
          [
            {
              gen_ai_request_model: 'gpt-4o',
              gen_ai_provider_name: 'openai',
              gen_ai_token_type: 'input',
            },
            [[1_700_000_000, 100]],
          ],
          [
            {
              gen_ai_request_model: 'claude-sonnet-4',
              gen_ai_provider_name: 'anthropic',
              gen_ai_token_type: 'output',
            },
            [[1_700_000_000, 20]],
          ],
          [
            {
              gen_ai_request_model: 'in-house-7b',
              gen_ai_provider_name: 'acme',
              gen_ai_token_type: 'input',
            },
            [[1_700_000_000, 5]],
          ],
        ],
      },
    ]);
    renderWithApp(<AgentsPage />);
    const cost = within(await screen.findByTestId('cost-over-time'));
    const legend = () => cost.getAllByRole('button', { pressed: true }).map((b) => b.textContent);
    expect(legend()).toEqual(['anthropic', 'openai']);
    expect(cost.getByText(/No price for model in-house-7b/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'By model' }));
    expect(legend()).toEqual(['claude-sonnet-4', 'gpt-4o']);
  });

  it('shows tokens and cost per model for the range, for the selected agent only', async () => {
    use(tableRoutes);
    renderWithApp(<AgentsPage />, { url: '/agents?var-agent=planner' });
    const models = within(await screen.findByTestId('model-usage'));
    const rows = bodyRows(models).map(cellTexts);
    expect(rows).toEqual([['gpt-4o', 'openai', '1M', '100K', '1.1M', '$3.50']]);
  });
});
