import { QUICK_RANGES, describeRange } from './describe';
import { resolveRange } from './range';

describe('describeRange', () => {
  it.each([
    ['now-1h', 'now', 'Last 1 hour'],
    ['now-5m', 'now', 'Last 5 minutes'],
    ['now-24h', 'now', 'Last 24 hours'],
    ['now-7d', 'now', 'Last 7 days'],
    ['now/d', 'now', 'Today so far'],
    ['now/d', 'now/d', 'Today'],
    ['now-1d/d', 'now-1d/d', 'Yesterday'],
    ['now/w', 'now', 'This week so far'],
    ['now/M', 'now', 'This month so far'],
  ])('%s → %s is "%s"', (from, to, label) => {
    expect(describeRange({ from, to }, 'utc')).toBe(label);
  });

  it('names any now-N<unit> → now range that is not a preset', () => {
    expect(describeRange({ from: 'now-45m', to: 'now' }, 'utc')).toBe('Last 45 minutes');
    expect(describeRange({ from: 'now-1d', to: 'now' }, 'utc')).toBe('Last 1 day');
    expect(describeRange({ from: 'now-2w', to: 'now' }, 'utc')).toBe('Last 2 weeks');
    expect(describeRange({ from: 'now-6M', to: 'now' }, 'utc')).toBe('Last 6 months');
    expect(describeRange({ from: 'now-1y', to: 'now' }, 'utc')).toBe('Last 1 year');
    expect(describeRange({ from: 'now-10s', to: 'now' }, 'utc')).toBe('Last 10 seconds');
  });

  it('ignores surrounding whitespace', () => {
    expect(describeRange({ from: ' now-1h ', to: 'now ' }, 'utc')).toBe('Last 1 hour');
  });

  it('shows other ranges as from → to, with epoch ends as dates', () => {
    expect(describeRange({ from: 'now-2d', to: 'now-1d' }, 'utc')).toBe('now-2d → now-1d');
    expect(describeRange({ from: '2026-01-01', to: 'now' }, 'utc')).toBe('2026-01-01 → now');
    expect(
      describeRange({ from: String(Date.parse('2026-01-02T03:04:05Z')), to: 'now' }, 'utc'),
    ).toBe('2026-01-02 03:04:05 → now');
  });
});

describe('QUICK_RANGES', () => {
  it('offers the presets in order', () => {
    expect(QUICK_RANGES.map((q) => q.label)).toEqual([
      'Last 5 minutes',
      'Last 15 minutes',
      'Last 30 minutes',
      'Last 1 hour',
      'Last 3 hours',
      'Last 6 hours',
      'Last 12 hours',
      'Last 24 hours',
      'Last 2 days',
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
      'Today',
      'Today so far',
      'Yesterday',
      'This week so far',
      'This month so far',
    ]);
  });

  it('every preset resolves to a valid range and describes itself by its label', () => {
    const now = Date.parse('2026-03-18T14:37:21.456Z');
    for (const q of QUICK_RANGES) {
      const resolved = resolveRange(q, now, 'utc');
      expect(resolved.ok, `${q.label}: ${resolved.ok ? '' : resolved.error}`).toBe(true);
      expect(describeRange(q, 'utc')).toBe(q.label);
    }
  });
});
