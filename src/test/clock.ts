/**
 * The instant every test file starts its clock at. The demo backend's simulated platform is a
 * function of its seed and the time, so tests that read it see the same platform on every run.
 * Only `Date` is replaced, and it runs on at the real pace from there: timers, streams and
 * timeouts behave as they do in the browser. A test's own fake timers install over it and
 * hand it back when they end.
 */
export const TEST_EPOCH = Date.parse('2026-03-02T09:30:00Z');

const RealDate = Date;
const offset = TEST_EPOCH - RealDate.now();

class TestDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as [string]));
  }

  static override now(): number {
    return RealDate.now() + offset;
  }
}

globalThis.Date = TestDate as DateConstructor;
