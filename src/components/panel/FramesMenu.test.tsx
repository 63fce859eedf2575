import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FramesMenu } from './FramesMenu';
import type { PromFrame } from '@/query/prometheus/panelQuery';

const frame = (expr: string, ms: number): PromFrame => ({
  expr,
  series: [{ id: expr, name: expr, labels: {}, points: [[0, 1]] }],
  warnings: [],
  raw: { resultType: 'vector', result: [] },
  meta: {
    url: 'http://prom/api/v1/query',
    method: 'POST',
    status: 200,
    durationMs: ms,
    responseSize: 42,
  },
});

describe('FramesMenu', () => {
  it('inspects every query a combined panel sent, with its timing', async () => {
    render(
      <FramesMenu title="Health score" frames={[frame('sum(up)', 12), frame('max(cpu)', 34)]} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Menu for Health score' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Inspect' }));
    const dialog = screen.getByRole('dialog', { name: 'Inspect: Health score' });
    expect(within(dialog).getByText('sum(up)')).toBeInTheDocument();
    expect(within(dialog).getByText('max(cpu)')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('tab', { name: 'stats' }));
    expect(within(dialog).getByText('HTTP 200 · 34 ms · 1 series')).toBeInTheDocument();
  });
});
