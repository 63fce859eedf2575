import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '@/test/server';
import { PROMETHEUS_URL, renderView } from '@/test/renderView';
import { LabelValuePicker } from './LabelValuePicker';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('LabelValuePicker', () => {
  it('queries only after three characters, once per pause in typing, and picks a value', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${PROMETHEUS_URL}/api/v1/label/agent/values`, ({ request }) => {
        seen.push(new URL(request.url).searchParams.get('match[]') ?? '');
        return HttpResponse.json({ status: 'success', data: ['planner', 'replanner'] });
      }),
    );
    const onPick = vi.fn();
    renderView(<LabelValuePicker label="agent" title="Find an agent" onPick={onPick} />, {
      url: '/agents',
    });
    const box = screen.getByRole('combobox');

    await userEvent.type(box, 'pl');
    expect(screen.getByRole('status')).toHaveTextContent('Type 3 or more characters to search');
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toEqual([]);

    await userEvent.type(box, 'an');
    await userEvent.click(await screen.findByRole('button', { name: 'replanner' }));
    expect(onPick).toHaveBeenCalledWith('replanner');
    // Typing "an" quickly is one pause: one request for "plan", none for "pla".
    await waitFor(() => expect(seen).toEqual(['{agent=~"(?i).*plan.*"}']));
  });

  it('shows the backend message when the search fails', async () => {
    server.use(
      http.get(`${PROMETHEUS_URL}/api/v1/label/agent/values`, () =>
        HttpResponse.json(
          { status: 'error', errorType: 'bad_data', error: 'invalid regex' },
          { status: 400 },
        ),
      ),
    );
    renderView(<LabelValuePicker label="agent" title="Find an agent" onPick={() => {}} />, {
      url: '/agents',
    });
    await userEvent.type(screen.getByRole('combobox'), 'cod');
    expect(await screen.findByText(/invalid regex/)).toBeInTheDocument();
  });
});
