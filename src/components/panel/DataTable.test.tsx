import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './DataTable';

type Row = { agent: string; p95: number | null };
const columns: Column<Row>[] = [
  { key: 'agent', header: 'Agent', render: (r) => r.agent, sortValue: (r) => r.agent },
  {
    key: 'p95',
    header: 'p95',
    render: (r) => (r.p95 === null ? '–' : String(r.p95)),
    sortValue: (r) => r.p95,
    align: 'right',
  },
];
const rows: Row[] = [
  { agent: 'coder', p95: 2 },
  { agent: 'planner', p95: null },
  { agent: 'reviewer', p95: 5 },
];

const firstColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent);

describe('DataTable', () => {
  it('sorts descending, then ascending, with missing values last', async () => {
    render(<DataTable columns={columns} rows={rows} rowKey={(r) => r.agent} />);
    const header = screen.getByRole('button', { name: 'p95' });
    await userEvent.click(header);
    expect(firstColumn()).toEqual(['reviewer', 'coder', 'planner']);
    expect(screen.getByRole('columnheader', { name: /p95/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await userEvent.click(screen.getByRole('button', { name: /p95/ }));
    expect(firstColumn()).toEqual(['coder', 'reviewer', 'planner']);
  });
});
