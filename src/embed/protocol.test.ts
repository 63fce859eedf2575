import { parseInboundMessage } from './protocol';

describe('parseInboundMessage', () => {
  it('accepts each host command', () => {
    const valid = [
      { type: 'observatory:set-theme', theme: 'dark' },
      { type: 'observatory:set-time-range', from: 'now-6h', to: 'now' },
      { type: 'observatory:set-variables', variables: { agent: 'planner', model: ['a', 'b'] } },
      { type: 'observatory:set-auth', token: 'eyJhbGciOi.J9.sig-_~+/=' },
      { type: 'observatory:set-auth', token: null },
      { type: 'observatory:hello' },
    ];
    for (const data of valid) {
      expect(parseInboundMessage(data)).toEqual({ kind: 'message', message: data });
    }
  });

  it('drops fields it does not know', () => {
    expect(
      parseInboundMessage({ type: 'observatory:set-theme', theme: 'light', extra: 1 }),
    ).toEqual({ kind: 'message', message: { type: 'observatory:set-theme', theme: 'light' } });
  });

  it('treats anything without an observatory: type as foreign traffic', () => {
    for (const data of [
      null,
      'observatory:set-theme',
      42,
      {},
      { type: 7 },
      { type: 'webpackOk' },
    ]) {
      expect(parseInboundMessage(data)).toEqual({ kind: 'foreign' });
    }
  });

  it('names the field that is wrong in a malformed message', () => {
    expect(parseInboundMessage({ type: 'observatory:set-theme', theme: 'pink' })).toMatchObject({
      kind: 'malformed',
      request: 'observatory:set-theme',
      problems: expect.stringMatching(/^theme: /),
    });
    expect(
      parseInboundMessage({ type: 'observatory:set-variables', variables: { 'bad name': 'x' } }),
    ).toMatchObject({
      kind: 'malformed',
      problems: expect.stringContaining('variables.bad name: Invalid key'),
    });
  });

  it('lists the known types for an unknown observatory: type', () => {
    const parsed = parseInboundMessage({ type: 'observatory:launch' });
    expect(parsed).toMatchObject({ kind: 'malformed', request: 'observatory:launch' });
    expect(parsed.kind === 'malformed' && parsed.problems).toContain('observatory:set-theme');
  });

  it('refuses tokens that could break the Authorization header, without echoing them', () => {
    for (const token of ['', 'two words', 'line\r\nX-Evil: 1', 'é', 'x'.repeat(8_193)]) {
      const parsed = parseInboundMessage({ type: 'observatory:set-auth', token });
      expect(parsed.kind).toBe('malformed');
      if (token !== '' && parsed.kind === 'malformed') expect(parsed.problems).not.toContain(token);
    }
    expect(parseInboundMessage({ type: 'observatory:set-auth' }).kind).toBe('malformed');
  });

  it('bounds the size of variable updates', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`v${i}`, 'x']));
    expect(parseInboundMessage({ type: 'observatory:set-variables', variables: many }).kind).toBe(
      'malformed',
    );
  });
});
