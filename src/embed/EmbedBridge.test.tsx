import { act, screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { authHeaders, useAuthStore } from '@/state/authStore';
import { renderView } from '@/test/renderView';
import { version } from '../../package.json';
import { EmbedBridge } from './EmbedBridge';
import { PROTOCOL_VERSION } from './protocol';

const PORTAL = 'https://portal.example.com';
const TOKEN = 'secret-token.abc123';

function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{`${pathname}${search}`}</output>;
}

function setup({ referrer = `${PORTAL}/admin` }: { referrer?: string } = {}) {
  const posted = vi.spyOn(window, 'postMessage').mockImplementation(() => undefined);
  renderView(
    <>
      <EmbedBridge host={window} referrer={referrer} allowedOrigins={[PORTAL]} resizeDelayMs={0} />
      <LocationProbe />
    </>,
    { url: '/health?embed=1', config: { embed: { allowedOrigins: [PORTAL] } } },
  );
  const sent = () =>
    posted.mock.calls.map(([message, origin]) => ({ message, origin: origin as unknown }));
  const sentOfType = (type: string) =>
    sent()
      .filter(({ message }) => (message as { type: string }).type === type)
      .map(({ message }) => message);
  return { posted, sent, sentOfType };
}

function hostSends(data: unknown, origin = PORTAL, source: MessageEventSource | null = window) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

const location = () => screen.getByTestId('location').textContent ?? '';
const stats = () => window.__observatoryEmbedStats;

afterEach(() => {
  vi.restoreAllMocks();
  useAuthStore.getState().setToken(null);
  document.documentElement.classList.remove('dark');
  window.localStorage.clear();
});

describe('EmbedBridge', () => {
  it('announces itself once to an allowed referrer, with its version, state and height', () => {
    const { sent, sentOfType } = setup();
    expect(sentOfType('observatory:ready')).toEqual([
      { type: 'observatory:ready', version, protocol: PROTOCOL_VERSION },
    ]);
    expect(sentOfType('observatory:state')).toEqual([
      expect.objectContaining({
        route: '/health',
        range: expect.objectContaining({ from: 'now-1h' }),
      }),
    ]);
    expect(sentOfType('observatory:resize')).toHaveLength(1);
    expect(sent().every(({ origin }) => origin === PORTAL)).toBe(true);
  });

  it('obeys set-theme from an allowed origin through the URL state', () => {
    const { sentOfType } = setup();
    hostSends({ type: 'observatory:set-theme', theme: 'dark' });
    expect(document.documentElement).toHaveClass('dark');
    expect(location()).toContain('theme=dark');
    expect(sentOfType('observatory:state').at(-1)).toMatchObject({
      theme: 'dark',
      resolvedTheme: 'dark',
    });
    expect(stats()).toMatchObject({ accepted: 1, rejectedOrigin: 0, invalid: 0 });
  });

  it('ignores and counts messages from an origin that is not allowed', () => {
    setup();
    hostSends({ type: 'observatory:set-theme', theme: 'dark' }, 'https://evil.example.net');
    hostSends({ type: 'observatory:set-auth', token: TOKEN }, 'https://evil.example.net');
    expect(document.documentElement).not.toHaveClass('dark');
    expect(location()).not.toContain('theme=');
    expect(authHeaders()).toEqual({});
    expect(stats()).toMatchObject({ accepted: 0, rejectedOrigin: 2 });
  });

  it('ignores and counts malformed messages, and says why', () => {
    const { sentOfType } = setup();
    hostSends({ type: 'observatory:set-theme', theme: 'neon' });
    hostSends('observatory:set-theme dark');
    expect(document.documentElement).not.toHaveClass('dark');
    expect(stats()).toMatchObject({ accepted: 0, invalid: 2 });
    expect(sentOfType('observatory:error')).toEqual([
      {
        type: 'observatory:error',
        code: 'invalid-message',
        request: 'observatory:set-theme',
        message: expect.stringContaining('theme'),
      },
    ]);
  });

  it('sets a valid time range in the URL and refuses an invalid one with an error', () => {
    const { sentOfType } = setup();
    hostSends({ type: 'observatory:set-time-range', from: 'now-6h', to: 'now' });
    expect(location()).toContain('from=now-6h');
    expect(sentOfType('observatory:state').at(-1)).toMatchObject({
      range: { from: 'now-6h', to: 'now' },
    });

    hostSends({ type: 'observatory:set-time-range', from: 'last tuesday', to: 'now' });
    expect(location()).toContain('from=now-6h');
    expect(sentOfType('observatory:error')).toEqual([
      expect.objectContaining({
        code: 'invalid-time-range',
        message: expect.stringContaining('From: Cannot read "last tuesday"'),
      }),
    ]);
  });

  it('sets and clears variables in the URL', () => {
    setup();
    hostSends({
      type: 'observatory:set-variables',
      variables: { agent: 'planner', model: ['a', 'b'] },
    });
    expect(location()).toContain('var-agent=planner');
    expect(location()).toContain('var-model=a&var-model=b');
    hostSends({ type: 'observatory:set-variables', variables: { agent: [] } });
    expect(location()).not.toContain('var-agent');
    expect(location()).toContain('var-model=a');
  });

  it('keeps a handed-over token in memory only', () => {
    setup();
    hostSends({ type: 'observatory:set-auth', token: TOKEN });
    expect(authHeaders()).toEqual({ Authorization: `Bearer ${TOKEN}` });
    expect(location()).not.toContain(TOKEN);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain(TOKEN);
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain(TOKEN);
    hostSends({ type: 'observatory:set-auth', token: null });
    expect(authHeaders()).toEqual({});
  });

  it('posts nothing until a valid message reveals a host the referrer did not', () => {
    const { sent, sentOfType } = setup({ referrer: '' });
    expect(sent()).toEqual([]);
    hostSends({ type: 'observatory:set-theme', theme: 'dark' }, 'https://evil.example.net');
    expect(sent()).toEqual([]);
    hostSends({ type: 'observatory:hello' });
    expect(sentOfType('observatory:ready')).toHaveLength(1);
    expect(sent().every(({ origin }) => origin === PORTAL)).toBe(true);
  });

  it('ignores messages from windows other than its host', () => {
    setup();
    const otherWindow = new MessageChannel().port1;
    hostSends({ type: 'observatory:set-theme', theme: 'dark' }, PORTAL, otherWindow);
    expect(document.documentElement).not.toHaveClass('dark');
    expect(stats()).toMatchObject({ accepted: 0, foreignSource: 1 });
  });

  it('reports the content height, measured from the document', () => {
    vi.spyOn(document.documentElement, 'getBoundingClientRect').mockReturnValue({
      height: 612.4,
    } as DOMRect);
    const { sentOfType } = setup();
    expect(sentOfType('observatory:resize')).toEqual([{ type: 'observatory:resize', height: 613 }]);
  });
});
