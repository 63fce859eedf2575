import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '@/test/server';
import {
  HAS_FIXTURES,
  renderTraceView,
  row,
  serveFixture,
  shownSpans,
  waterfall,
  withViewportHeight,
} from '@/test/traces/traceView';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
withViewportHeight(720);

describe.skipIf(!HAS_FIXTURES)('trace view: header and waterfall', () => {
  it('shows the trace’s figures and its warnings', async () => {
    serveFixture();
    renderTraceView('?tz=utc');
    expect(
      await screen.findByRole(
        'heading',
        { name: 'api-edge: POST /api/graphql' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    const stats = within(screen.getByTestId('trace-stats'));
    expect(stats.getByText('Spans').nextSibling).toHaveTextContent('57');
    expect(stats.getByText('Errors').nextSibling).toHaveTextContent('1');
    expect(stats.getByText('Duration').nextSibling).toHaveTextContent('44 s');
    expect(stats.getByText('Started').nextSibling).toHaveTextContent('2026-02-02 02:40:00');
    expect(stats.getByText('Depth').nextSibling).toHaveTextContent('8 levels');
    expect(stats.getByText('Services').nextSibling).toHaveTextContent('10');
    // GenAI: 8,280 input and 1,180 output tokens in 5 model calls (no costs in this trace),
    // in place of a note that the span attributes are still being read.
    await waitFor(() =>
      expect(stats.getByText('GenAI').nextSibling).toHaveTextContent(
        '8.28K in · 1.18K out · 5 calls',
      ),
    );
    const services = within(screen.getByRole('list', { name: 'Services' }));
    expect(services.getAllByRole('listitem')).toHaveLength(10);
    expect(services.getByText('coding-agent').parentElement).toHaveTextContent('coding-agent');
    expect(screen.getByRole('note', { name: 'Warnings' })).toHaveTextContent(
      'Child spans end after their parent ends (1 span)',
    );
  });

  it('keeps the DOM to a screenful of rows and says "N of M" when subtrees are collapsed', async () => {
    serveFixture();
    renderTraceView();
    await waterfall();
    expect(shownSpans()).toBe('57');
    expect(screen.getAllByRole('treeitem').length).toBeLessThan(57);

    await userEvent.click(
      within(row('Query.assistantReply')).getByRole('button', { name: 'Collapse 2 child spans' }),
    );
    expect(shownSpans()).toBe('2 of 57 shown');
    expect(screen.getAllByRole('treeitem')).toHaveLength(2);

    await userEvent.click(
      within(row('Query.assistantReply')).getByRole('button', { name: 'Expand 2 child spans' }),
    );
    expect(shownSpans()).toBe('57');

    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(shownSpans()).toBe('1 of 57 shown');
    const levels = screen.getByRole('combobox', { name: 'Show levels' });
    await userEvent.selectOptions(levels, '1–3');
    expect(shownSpans()).toBe('4 of 57 shown');
    // The choice stays on show while it describes the tree, and no longer once it does not.
    expect(levels).toHaveDisplayValue('1–3');
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(shownSpans()).toBe('57');
    expect(levels).toHaveDisplayValue('…');
  });

  it('moves through the rows with the keyboard and mirrors the selection in the URL', async () => {
    serveFixture();
    renderTraceView();
    const tree = await waterfall();
    tree.focus();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(row('POST /api/graphql')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(row('Query.assistantReply')).toHaveAttribute('aria-selected', 'true');
    expect(tree).toHaveAttribute('aria-activedescendant', row('Query.assistantReply').id);

    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(shownSpans()).toBe('2 of 57 shown');
    expect(row('Query.assistantReply')).toHaveAttribute('aria-expanded', 'false');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(shownSpans()).toBe('57');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(row('graphql.execution')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(row('Query.assistantReply')).toHaveAttribute('aria-selected', 'true');

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('span=0000000000000002'),
    );

    fireEvent.keyDown(tree, { key: 'End' });
    expect(screen.getByRole('treeitem', { selected: true })).toHaveAttribute(
      'data-row-index',
      '56',
    );
    fireEvent.keyDown(tree, { key: 'Home' });
    expect(row('POST /api/graphql')).toHaveAttribute('aria-selected', 'true');

    expect(screen.queryByRole('complementary', { name: 'Span detail' })).toBeNull();
    fireEvent.keyDown(tree, { key: 'Enter' });
    const detail = await screen.findByRole('complementary', { name: 'Span detail' });
    expect(
      await within(detail).findByRole('heading', { name: 'api-edge: POST /api/graphql' }),
    ).toBeInTheDocument();
    fireEvent.keyDown(tree, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Span detail' })).toBeNull();
  });

  it('finds spans, steps through matches with Enter and Shift+Enter, and opens collapsed ancestors', async () => {
    serveFixture();
    renderTraceView();
    await waterfall();
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(shownSpans()).toBe('1 of 57 shown');

    const input = screen.getByRole('searchbox', { name: 'Find in trace' });
    await userEvent.type(input, 'execute_tool');
    await waitFor(() => expect(screen.getByTestId('find-count')).toHaveTextContent('1 of 7'));
    // The first match was revealed: its ancestors are open and it is highlighted.
    expect(row('execute_tool list_dashboards')).toBeInTheDocument();
    expect(shownSpans()).not.toBe('1 of 57 shown');

    await userEvent.type(input, '{Enter}');
    expect(screen.getByTestId('find-count')).toHaveTextContent('2 of 7');
    await userEvent.type(input, '{Shift>}{Enter}{/Shift}');
    expect(screen.getByTestId('find-count')).toHaveTextContent('1 of 7');
    await userEvent.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(screen.getByTestId('find-count')).toHaveTextContent('7 of 7');
    await userEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByTestId('find-count')).toHaveTextContent('1 of 7');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Only matches' }));
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    // Matches and their ancestors: root, Query.assistantReply, invoke_agent, 7 tools.
    expect(shownSpans()).toBe('10 of 57 shown');
    // Each toggle counts the children shown under it, not those the filter hides.
    const items = screen.getAllByRole('treeitem');
    const levelOf = (item: HTMLElement) => Number(item.getAttribute('aria-level'));
    const toggles = items.map((item, i) => {
      const toggle = within(item).queryByRole('button', { name: /child span/ });
      let below = 0;
      for (let j = i + 1; j < items.length && levelOf(items[j]!) > levelOf(item); j++) {
        if (levelOf(items[j]!) === levelOf(item) + 1) below++;
      }
      return [toggle?.textContent?.replace(/\D/g, '') ?? '', below === 0 ? '' : String(below)];
    });
    expect(toggles.map(([shown]) => shown)).toEqual(toggles.map(([, expected]) => expected));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('find=execute_tool'),
    );
  });

  it('opens the span named in the URL and runs the find query from the URL', async () => {
    serveFixture();
    renderTraceView('?span=0000000000000007&find=k8s-api');
    const detail = await screen.findByRole(
      'complementary',
      { name: 'Span detail' },
      { timeout: 5000 },
    );
    expect(
      await within(detail).findByRole('heading', {
        name: 'coding-agent: execute_tool list_dashboards',
      }),
    ).toBeInTheDocument();
    expect(row('execute_tool list_dashboards')).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByTestId('find-count')).toHaveTextContent(/of \d+/));
  });
});
