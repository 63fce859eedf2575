// @vitest-environment node
import {
  FLAP_CYCLE_MS,
  FLAP_REFUSE_MS,
  flapVerdict,
  isDemoFlapping,
  onDemoRefusingSockets,
  setDemoFlapping,
  setDemoRefusingSockets,
} from './flapping';

afterEach(() => {
  setDemoFlapping(false);
  setDemoRefusingSockets(false);
});

describe('demo flapping', () => {
  it('accepts every connection while off', () => {
    expect(isDemoFlapping()).toBe(false);
    expect(flapVerdict(0)).toEqual({ action: 'accept' });
  });

  it('alternates refusing and dropping connections while on', () => {
    setDemoFlapping(true);
    expect(flapVerdict(FLAP_CYCLE_MS * 3 + 1)).toEqual({ action: 'refuse' });
    expect(flapVerdict(FLAP_CYCLE_MS * 3 + FLAP_REFUSE_MS, () => 0)).toEqual({
      action: 'drop',
      afterMs: 2_000,
    });
    expect(flapVerdict(FLAP_REFUSE_MS, () => 1)).toEqual({ action: 'drop', afterMs: 6_000 });
  });

  it('refuses every connection while refusing sockets, and tells open ones to close', () => {
    const cut = vi.fn();
    const stop = onDemoRefusingSockets(cut);
    setDemoRefusingSockets(true);
    expect(flapVerdict(FLAP_REFUSE_MS)).toEqual({ action: 'refuse' });
    expect(cut).toHaveBeenCalledTimes(1);
    stop();
    setDemoRefusingSockets(false);
    setDemoRefusingSockets(true);
    expect(cut).toHaveBeenCalledTimes(1);
    setDemoRefusingSockets(false);
    expect(flapVerdict(FLAP_REFUSE_MS)).toEqual({ action: 'accept' });
  });
});
