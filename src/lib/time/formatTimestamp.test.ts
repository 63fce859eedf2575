import { formatTimestamp } from './formatTimestamp';

const t = Date.parse('2026-01-02T03:04:05.678Z');

describe('formatTimestamp', () => {
  it('formats as YYYY-MM-DD HH:mm:ss in UTC', () => {
    expect(formatTimestamp(t, 'utc')).toBe('2026-01-02 03:04:05');
  });

  it('drops the seconds or the date when asked', () => {
    expect(formatTimestamp(t, 'utc', { withSeconds: false })).toBe('2026-01-02 03:04');
    expect(formatTimestamp(t, 'utc', { withDate: false })).toBe('03:04:05');
    expect(formatTimestamp(t, 'utc', { withDate: false, withSeconds: false })).toBe('03:04');
  });

  it('uses a 24-hour clock with midnight as 00', () => {
    expect(formatTimestamp(Date.parse('2026-01-02T00:00:00Z'), 'utc')).toBe('2026-01-02 00:00:00');
    expect(formatTimestamp(Date.parse('2026-01-02T23:59:59.999Z'), 'utc')).toBe(
      '2026-01-02 23:59:59',
    );
    expect(formatTimestamp(Date.parse('2026-01-02T13:00:00Z'), 'utc')).toBe('2026-01-02 13:00:00');
  });

  it('pads years below 1000 to four digits', () => {
    expect(formatTimestamp(Date.parse('0042-06-01T00:00:00Z'), 'utc')).toBe('0042-06-01 00:00:00');
  });

  it('writes years before year 1 and after 9999 as ISO 8601 does', () => {
    expect(formatTimestamp(Date.UTC(-5, 0, 1), 'utc')).toBe('-000005-01-01 00:00:00');
    expect(formatTimestamp(Date.UTC(12345, 5, 6, 7, 8, 9), 'utc')).toBe('12345-06-06 07:08:09');
  });

  it('says so for values that are not a valid instant', () => {
    expect(formatTimestamp(Number.NaN, 'utc')).toBe('Invalid date');
    expect(formatTimestamp(Number.POSITIVE_INFINITY, 'browser')).toBe('Invalid date');
    expect(formatTimestamp(9e15, 'utc')).toBe('Invalid date');
  });
});
