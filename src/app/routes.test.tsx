import { screen } from '@testing-library/react';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderView } from '@/test/renderView';
import { preloadPageFor, routes } from './routes';

function pageElement(path: string) {
  const match = matchRoutes(routes, path)?.at(-1);
  if (!match) throw new Error(`no route for ${path}`);
  return match.route.element;
}

describe('pages loaded on demand', () => {
  it('shows a page whose code was preloaded in the very first render, with no placeholder', async () => {
    await preloadPageFor('/traces/compare');
    renderView(<>{pageElement('/traces/compare')}</>, { url: '/traces/compare' });
    expect(screen.queryByRole('status', { name: 'Loading' })).toBeNull();
    expect(screen.getByRole('heading', { name: /compare/i })).toBeInTheDocument();
  });

  it('shows the placeholder until the code of a page not preloaded arrives', async () => {
    renderView(<>{pageElement('/traces')}</>, { url: '/traces' });
    expect(screen.getByRole('status', { name: 'Loading' })).toBeInTheDocument();
    // The same load the page started: waiting on it, rather than on a timer, keeps a slow
    // module transform from failing the test.
    await preloadPageFor('/traces');
    expect(await screen.findByRole('heading', { name: /traces/i })).toBeInTheDocument();
  });

  it('preloads nothing, and does not fail, for an address without a page', async () => {
    await expect(preloadPageFor('/no/such/page')).resolves.toBeUndefined();
  });
});
