import { describe, expect, it } from 'vitest';
import { toolCallRows } from './toolCalls';

describe('toolCallRows', () => {
  it('reads the platform labels and marks failed calls', () => {
    const rows = toolCallRows([
      {
        id: 'a',
        name: '',
        labels: { agent: 'coder', tool: 'git.diff', status: 'success' },
        points: [[0, 120]],
      },
      {
        id: 'b',
        name: '',
        labels: { agent: 'coder', tool: 'git.diff', status: 'error' },
        points: [[0, 4]],
      },
    ]);
    expect(rows).toEqual([
      { key: 'a', agent: 'coder', tool: 'git.diff', status: 'success', failed: false, count: 120 },
      { key: 'b', agent: 'coder', tool: 'git.diff', status: 'error', failed: true, count: 4 },
    ]);
  });

  it('reads the GenAI convention labels, where only failures carry error_type', () => {
    const rows = toolCallRows([
      {
        id: 'a',
        name: '',
        labels: { agent: 'x', gen_ai_tool_name: 'web.search' },
        points: [[0, 10]],
      },
      {
        id: 'b',
        name: '',
        labels: { agent: 'x', gen_ai_tool_name: 'web.search', error_type: 'TimeoutError' },
        points: [[0, Number.NaN]],
      },
    ]);
    expect(rows.map((r) => [r.tool, r.status, r.failed, r.count])).toEqual([
      ['web.search', 'success', false, 10],
      ['web.search', 'TimeoutError', true, null],
    ]);
  });
});
