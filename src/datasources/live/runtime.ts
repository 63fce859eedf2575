/**
 * The ambient capabilities the live client uses, injectable so tests can drive time, randomness,
 * rendering frames and page visibility.
 */

export type TimerHandle = unknown;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Schedules `callback` once before the next paint; returns a cancel function. */
export type FrameScheduler = (callback: () => void) => () => void;

/** The slice of `document` used to pause while the page is hidden. */
export interface VisibilitySource {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface Runtime {
  timers: Timers;
  now: () => number;
  random: () => number;
  scheduleFrame: FrameScheduler;
  visibility: VisibilitySource | null;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Roughly one frame at 60 Hz, for environments without requestAnimationFrame. */
export const FRAME_FALLBACK_MS = 16;

export function timeoutFrameScheduler(timers: Timers, ms = FRAME_FALLBACK_MS): FrameScheduler {
  return (callback) => {
    const handle = timers.setTimeout(callback, ms);
    return () => timers.clearTimeout(handle);
  };
}

export function defaultFrameScheduler(timers: Timers): FrameScheduler {
  const raf = globalThis.requestAnimationFrame;
  const caf = globalThis.cancelAnimationFrame;
  if (typeof raf !== 'function' || typeof caf !== 'function') return timeoutFrameScheduler(timers);
  return (callback) => {
    const id = raf(() => callback());
    return () => caf(id);
  };
}

export function defaultVisibility(): VisibilitySource | null {
  return typeof document === 'undefined' ? null : document;
}
