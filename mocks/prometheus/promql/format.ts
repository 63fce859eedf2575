/** Number formatting that matches Prometheus' JSON output. */

/**
 * Formats a sample value like Go's strconv.FormatFloat(v, 'f', -1, 64): shortest round-trip
 * digits, never an exponent, and `NaN`, `+Inf`, `-Inf` spelled as Prometheus spells them.
 */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const text = String(value);
  // Exponent notation only appears below 1e-6 and from 1e21 up.
  if (Math.abs(value) >= 1e-6 && Math.abs(value) < 1e21) return text;
  if (!text.includes('e')) return text;
  const [mantissa = '', exponentText = '0'] = text.split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const unsigned = mantissa.replace('-', '');
  const dot = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const pointAt = (dot === -1 ? unsigned.length : dot) + exponent;
  const plain =
    pointAt <= 0
      ? `0.${'0'.repeat(-pointAt)}${digits}`
      : pointAt >= digits.length
        ? digits + '0'.repeat(pointAt - digits.length)
        : `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${plain}` : plain;
}
