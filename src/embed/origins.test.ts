import { chooseTargetOrigin, isAllowedOrigin, originOf } from './origins';

const ALLOWED = ['https://portal.example.com', 'http://localhost:8080'];

describe('originOf', () => {
  it('keeps scheme, host and port only', () => {
    expect(originOf('https://portal.example.com/admin/page?x=1#y')).toBe(
      'https://portal.example.com',
    );
    expect(originOf('https://portal.example.com:443/')).toBe('https://portal.example.com');
  });

  it('is null for empty, unparsable and opaque addresses', () => {
    expect(originOf('')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
  });
});

describe('isAllowedOrigin', () => {
  it('matches exactly the listed origins', () => {
    expect(isAllowedOrigin('https://portal.example.com', ALLOWED)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8080', ALLOWED)).toBe(true);
  });

  it('refuses look-alikes: other scheme, port, subdomain or suffix', () => {
    for (const origin of [
      'http://portal.example.com',
      'https://portal.example.com:8443',
      'https://evil.portal.example.com',
      'https://portal.example.com.evil.net',
      'http://localhost:8081',
      'null',
      '',
    ]) {
      expect(isAllowedOrigin(origin, ALLOWED)).toBe(false);
    }
  });

  it('normalises the configured entries', () => {
    expect(isAllowedOrigin('https://portal.example.com', ['https://Portal.Example.com:443'])).toBe(
      true,
    );
  });

  it('allows nothing when the list is empty', () => {
    expect(isAllowedOrigin('https://portal.example.com', [])).toBe(false);
  });
});

describe('chooseTargetOrigin', () => {
  it('uses the referrer when it is allowed', () => {
    expect(
      chooseTargetOrigin({
        referrer: 'https://portal.example.com/dashboards/7',
        allowedOrigins: ALLOWED,
        firstValidOrigin: null,
      }),
    ).toBe('https://portal.example.com');
  });

  it('falls back to the first valid message when the referrer is missing or not allowed', () => {
    for (const referrer of ['', 'https://elsewhere.example.org/']) {
      expect(
        chooseTargetOrigin({
          referrer,
          allowedOrigins: ALLOWED,
          firstValidOrigin: 'http://localhost:8080',
        }),
      ).toBe('http://localhost:8080');
    }
  });

  it('knows no target (and so posts nothing) without an allowed origin', () => {
    expect(
      chooseTargetOrigin({
        referrer: 'https://elsewhere.example.org/',
        allowedOrigins: ALLOWED,
        firstValidOrigin: null,
      }),
    ).toBeNull();
    expect(
      chooseTargetOrigin({
        referrer: 'https://portal.example.com/',
        allowedOrigins: [],
        firstValidOrigin: 'https://portal.example.com',
      }),
    ).toBeNull();
  });
});
