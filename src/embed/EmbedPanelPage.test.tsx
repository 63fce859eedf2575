import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { PANEL_IDS } from '@/config/presets';
import { renderView } from '@/test/renderView';
import EmbedPanelPage from './EmbedPanelPage';

function renderAt(url: string) {
  return renderView(
    <Routes>
      <Route path="/embed/panel/:panelId" element={<EmbedPanelPage />} />
    </Routes>,
    { url },
  );
}

describe('EmbedPanelPage', () => {
  it('renders the one panel asked for, without navigation or time controls', async () => {
    renderAt('/embed/panel/health.success-rate');
    expect(await screen.findByRole('heading', { name: 'Success rate' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /time range/i })).not.toBeInTheDocument();
  });

  it('shows the time controls with controls=1', async () => {
    renderAt('/embed/panel/health.success-rate?controls=1');
    expect(await screen.findByRole('heading', { name: 'Success rate' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Shift time range back' })).toBeInTheDocument();
    expect(screen.getByTestId('time-range-button')).toHaveTextContent(/last 1 hour/i);
  });

  it('fills in the knobs a panel normally gets from its view', async () => {
    renderAt('/embed/panel/health.error-ratio');
    expect(await screen.findByRole('heading', { name: 'Error ratio over 1h' })).toBeInTheDocument();
  });

  it('lists the valid ids for an unknown one', () => {
    renderAt('/embed/panel/health.nope');
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown panel “health.nope”');
    const list = screen.getByRole('list', { name: 'Valid panel ids' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([...PANEL_IDS]);
  });
});
