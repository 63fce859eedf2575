import { compareNames } from './compareNames';

const sign = (n: number) => Math.sign(n) || 0;

describe('compareNames', () => {
  it('orders lowercase names as English collation does', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const name = () => {
      let text = '';
      for (let n = Math.floor(random() * 8); n > 0; n--) {
        text += alphabet[Math.floor(random() * alphabet.length)];
      }
      return text;
    };
    const mismatches: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const a = name();
      const b = name();
      if (sign(compareNames(a, b)) !== sign(a.localeCompare(b, 'en'))) mismatches.push(`${a} ${b}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('sorts service names alphabetically, dashes and digits included', () => {
    const names = ['payments', 'api-gateway', 'api', 'cart-2', 'cart-10', 'ad'];
    expect([...names].sort(compareNames)).toEqual([
      'ad',
      'api',
      'api-gateway',
      'cart-10',
      'cart-2',
      'payments',
    ]);
  });

  it('falls back to English collation for other names (capitals, accents, symbols)', () => {
    expect(compareNames('Zeta', 'alpha')).toBeGreaterThan(0);
    expect(compareNames('élan', 'email')).toBeLessThan(0);
    expect(compareNames('b_x', 'b-x')).toBe('b_x'.localeCompare('b-x', 'en'));
  });
});
