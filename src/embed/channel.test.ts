import { createEmbedChannel, type HostWindow } from './channel';

const PORTAL = 'https://portal.example.com';

function setup({ referrer = '' }: { referrer?: string } = {}) {
  const sent: Array<{ message: unknown; origin: string }> = [];
  const host: HostWindow = { postMessage: (message, origin) => sent.push({ message, origin }) };
  const channel = createEmbedChannel({ host, referrer, allowedOrigins: [PORTAL] });
  return { host, channel, sent };
}

describe('createEmbedChannel', () => {
  it('obeys a valid message from the host window on an allowed origin', () => {
    const { host, channel } = setup();
    const message = channel.receive({
      source: host as MessageEventSource,
      origin: PORTAL,
      data: { type: 'observatory:set-theme', theme: 'dark' },
    });
    expect(message).toEqual({ type: 'observatory:set-theme', theme: 'dark' });
    expect(channel.stats).toMatchObject({ accepted: 1, rejectedOrigin: 0, invalid: 0 });
  });

  it('ignores and counts messages from origins not in the allow-list', () => {
    const { host, channel, sent } = setup();
    const message = channel.receive({
      source: host as MessageEventSource,
      origin: 'https://evil.example.net',
      data: { type: 'observatory:set-auth', token: 'stolen' },
    });
    expect(message).toBeNull();
    expect(channel.stats).toMatchObject({ accepted: 0, rejectedOrigin: 1 });
    expect(sent).toEqual([]);
  });

  it('ignores and counts messages from other windows, whatever their origin', () => {
    const { channel } = setup();
    const other = { postMessage: () => undefined } as unknown as MessageEventSource;
    expect(
      channel.receive({ source: other, origin: PORTAL, data: { type: 'observatory:hello' } }),
    ).toBeNull();
    expect(channel.stats.foreignSource).toBe(1);
  });

  it('counts invalid messages and tells a known host what was wrong', () => {
    const { host, channel, sent } = setup({ referrer: `${PORTAL}/page` });
    const source = host as MessageEventSource;
    expect(channel.receive({ source, origin: PORTAL, data: { type: 'other-lib' } })).toBeNull();
    expect(
      channel.receive({ source, origin: PORTAL, data: { type: 'observatory:set-theme' } }),
    ).toBeNull();
    expect(channel.stats.invalid).toBe(2);
    expect(sent).toEqual([
      {
        origin: PORTAL,
        message: {
          type: 'observatory:error',
          code: 'invalid-message',
          request: 'observatory:set-theme',
          message: expect.stringContaining('theme'),
        },
      },
    ]);
  });

  it('posts nothing while the host origin is unknown', () => {
    const { channel, sent } = setup({ referrer: 'https://not-allowed.example.org/' });
    expect(channel.targetOrigin()).toBeNull();
    expect(channel.post({ type: 'observatory:resize', height: 10 })).toBe(false);
    expect(sent).toEqual([]);
  });

  it('learns the host origin from the first valid message and posts only there', () => {
    const { host, channel, sent } = setup();
    channel.receive({
      source: host as MessageEventSource,
      origin: PORTAL,
      data: { type: 'observatory:hello' },
    });
    expect(channel.post({ type: 'observatory:resize', height: 321 })).toBe(true);
    expect(sent).toEqual([
      { origin: PORTAL, message: { type: 'observatory:resize', height: 321 } },
    ]);
    expect(channel.stats.posted).toBe(1);
  });
});
