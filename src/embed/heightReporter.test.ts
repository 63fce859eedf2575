import { createHeightReporter } from './heightReporter';

describe('createHeightReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends only the last of a burst of measurements, after the delay', () => {
    const sent: number[] = [];
    const reporter = createHeightReporter((h) => (sent.push(h), true), { delayMs: 50 });
    reporter.measure(100);
    reporter.measure(180);
    reporter.measure(240);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([240]);
  });

  it('does not repeat an unchanged height', () => {
    const sent: number[] = [];
    const reporter = createHeightReporter((h) => (sent.push(h), true), { delayMs: 10 });
    reporter.measure(300);
    vi.advanceTimersByTime(10);
    reporter.measure(300);
    vi.advanceTimersByTime(10);
    reporter.measure(280);
    vi.advanceTimersByTime(10);
    expect(sent).toEqual([300, 280]);
  });

  it('sends a height again once a host can receive it', () => {
    let hostKnown = false;
    const sent: number[] = [];
    const reporter = createHeightReporter((h) => hostKnown && (sent.push(h), true), {
      delayMs: 10,
    });
    reporter.measure(500);
    vi.advanceTimersByTime(10);
    hostKnown = true;
    reporter.measure(500);
    vi.advanceTimersByTime(10);
    expect(sent).toEqual([500]);
  });

  it('sendNow goes out at once, even unchanged, and cancels a pending one', () => {
    const sent: number[] = [];
    const reporter = createHeightReporter((h) => (sent.push(h), true), { delayMs: 10 });
    reporter.sendNow(400);
    reporter.measure(410);
    reporter.sendNow(400);
    vi.advanceTimersByTime(20);
    expect(sent).toEqual([400, 400]);
  });

  it('sends nothing after dispose', () => {
    const sent: number[] = [];
    const reporter = createHeightReporter((h) => (sent.push(h), true), { delayMs: 10 });
    reporter.measure(10);
    reporter.dispose();
    vi.advanceTimersByTime(20);
    expect(sent).toEqual([]);
  });
});
