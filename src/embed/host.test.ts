// @vitest-environment jsdom
import { connectObservatory } from './host';

const APP = 'https://observatory.example.com';

function fakeIframe() {
  // A MessagePort stands in for the frame's window: jsdom accepts it as a MessageEvent source.
  const contentWindow = new MessageChannel().port1;
  const postMessage = vi.fn();
  Object.defineProperty(contentWindow, 'postMessage', { value: postMessage });
  const iframe = document.createElement('iframe');
  Object.defineProperty(iframe, 'contentWindow', { value: contentWindow });
  Object.defineProperty(iframe, 'contentDocument', { value: null });
  const sent = () => postMessage.mock.calls.map(([message, origin]) => ({ message, origin }));
  const commands = () =>
    sent()
      .map(({ message }) => message as { type: string })
      .filter((m) => m.type !== 'observatory:hello');
  const appSends = (data: unknown, origin = APP, source: MessageEventSource = contentWindow) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  return { iframe, sent, commands, appSends };
}

const READY = { type: 'observatory:ready', version: '1.0.0', protocol: 1 };

describe('connectObservatory', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds commands until the app is ready, then sends the latest of each to its origin', () => {
    const { iframe, sent, commands, appSends } = fakeIframe();
    const observatory = connectObservatory(iframe, { origin: `${APP}/some/path` });
    observatory.setTheme('light');
    observatory.setTheme('dark');
    observatory.setAuth('t0ken');
    expect(commands()).toEqual([]);

    appSends(READY);
    expect(commands()).toEqual([
      { type: 'observatory:set-theme', theme: 'dark' },
      { type: 'observatory:set-auth', token: 't0ken' },
    ]);
    expect(sent().every(({ origin }) => origin === APP)).toBe(true);

    observatory.setTimeRange('now-6h', 'now');
    expect(commands().at(-1)).toEqual({
      type: 'observatory:set-time-range',
      from: 'now-6h',
      to: 'now',
    });
    observatory.dispose();
  });

  it('asks the app to announce itself until it does', () => {
    const { iframe, sent, appSends } = fakeIframe();
    const observatory = connectObservatory(iframe, { origin: APP, helloIntervalMs: 100 });
    vi.advanceTimersByTime(250);
    const hellos = () => sent().filter(({ message }) => message.type === 'observatory:hello');
    expect(hellos()).toHaveLength(3);
    appSends(READY);
    vi.advanceTimersByTime(1_000);
    expect(hellos()).toHaveLength(3);
    observatory.dispose();
  });

  it('replays every setting, variables merged, when the app starts again', () => {
    const { iframe, commands, appSends } = fakeIframe();
    const observatory = connectObservatory(iframe, { origin: APP });
    appSends(READY);
    observatory.setVariables({ agent: 'planner' });
    observatory.setVariables({ model: ['a', 'b'] });
    const before = commands().length;
    appSends(READY);
    expect(commands().slice(before)).toEqual([
      { type: 'observatory:set-variables', variables: { agent: 'planner', model: ['a', 'b'] } },
    ]);
    observatory.dispose();
  });

  it('hands messages to subscribers and sizes the iframe with autoResize', () => {
    const { iframe, appSends } = fakeIframe();
    const observatory = connectObservatory(iframe, { origin: APP });
    const states: unknown[] = [];
    const off = observatory.on('observatory:state', (s) => states.push(s.route));
    observatory.autoResize();
    appSends({ type: 'observatory:resize', height: 731 });
    appSends({ type: 'observatory:state', route: '/health' });
    off();
    appSends({ type: 'observatory:state', route: '/agents' });
    expect(iframe.style.height).toBe('731px');
    expect(states).toEqual(['/health']);
    observatory.dispose();
  });

  it('ignores messages from another origin or another window', () => {
    const { iframe, commands, appSends } = fakeIframe();
    const observatory = connectObservatory(iframe, { origin: APP });
    observatory.autoResize();
    observatory.setTheme('dark');
    appSends(READY, 'https://evil.example.net');
    appSends({ type: 'observatory:resize', height: 5 }, APP, new MessageChannel().port1);
    expect(commands()).toEqual([]);
    expect(iframe.style.height).toBe('');
    observatory.dispose();
  });

  it('stops listening when disposed', () => {
    const { iframe, commands, appSends } = fakeIframe();
    const observatory = connectObservatory(iframe, { origin: APP });
    observatory.autoResize();
    observatory.setTheme('dark');
    observatory.dispose();
    appSends(READY);
    appSends({ type: 'observatory:resize', height: 80 });
    expect(commands()).toEqual([]);
    expect(iframe.style.height).toBe('');
  });
});
