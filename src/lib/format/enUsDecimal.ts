/**
 * A number as `Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits,
 * signDisplay: 'negative' })` prints it, without Intl. The first NumberFormat of a page costs
 * ICU tens of milliseconds of set-up on the page's thread, at start-up, while the first
 * panel's data (or a big trace) is on its way; the default locale needs none of it.
 *
 * Like ICU, it rounds the shortest decimal that reads back as the value (what `String(value)`
 * prints: 1.005, not 1.00499999…) half away from zero. Returns null for what it does not
 * handle (not finite, or 1e21 and above), for the caller to hand to Intl.
 */
export function formatEnUsDecimal(
  value: number,
  minFractionDigits: number,
  maxFractionDigits: number,
): string | null {
  const abs = Math.abs(value);
  if (!Number.isFinite(value) || abs >= 1e21) return null;
  const { digits, point } = roundedDigits(abs, maxFractionDigits);
  // The value is 0.<digits> × 10^point; `digits` has no leading zeros ('' for zero).
  const whole = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  let fraction = point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  fraction = fraction.replace(/0+$/, '').padEnd(minFractionDigits, '0');
  const sign = value < 0 && digits !== '' ? '-' : '';
  return `${sign}${groupThousands(whole)}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The shortest round-trip digits of `abs`, rounded half up at `decimals` places. */
function roundedDigits(abs: number, decimals: number): { digits: string; point: number } {
  const [mantissa = '0', exponent] = String(abs).split('e');
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  let digits = intPart + fracPart;
  let point = intPart.length + (exponent === undefined ? 0 : Number(exponent));
  const lead = digits.search(/[1-9]/);
  if (lead < 0) return { digits: '', point: 0 };
  digits = digits.slice(lead);
  point -= lead;
  const keep = point + decimals;
  if (digits.length <= keep) return { digits, point };
  if (keep < 0) return { digits: '', point: 0 };
  const roundUp = (digits.charCodeAt(keep) as number) >= 53; // '5'
  digits = digits.slice(0, keep);
  if (roundUp) {
    // Add one at the last kept digit: trailing nines become zeros, and 99.96 → 100.
    let end = digits.length;
    while (end > 0 && digits[end - 1] === '9') end--;
    if (end === 0) {
      digits = '1';
      point++;
    } else {
      digits = digits.slice(0, end - 1) + String(Number(digits[end - 1]) + 1);
    }
  }
  digits = digits.replace(/0+$/, '');
  return digits === '' ? { digits: '', point: 0 } : { digits, point };
}

function groupThousands(whole: string): string {
  if (whole.length <= 3) return whole;
  const head = whole.length % 3 || 3;
  let out = whole.slice(0, head);
  for (let at = head; at < whole.length; at += 3) out += `,${whole.slice(at, at + 3)}`;
  return out;
}
