/**
 * Demo switch that makes the gateway's WebSockets unreliable, so a viewer can watch the client
 * fall back to SSE or polling and climb back. `?flap=1` in the page URL turns it on at load.
 */

let flapping =
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('flap') === '1';

export function setDemoFlapping(on: boolean): void {
  flapping = on;
}

export function isDemoFlapping(): boolean {
  return flapping;
}

/**
 * Demo switch that cuts every gateway WebSocket and refuses new ones until switched off, as a
 * blocked socket would: the client falls back to SSE or polling and climbs back afterwards.
 * `?refuseWs=1` turns it on at load.
 */
let refusing =
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('refuseWs') === '1';
const refuseListeners = new Set<() => void>();

export function setDemoRefusingSockets(on: boolean): void {
  refusing = on;
  if (on) for (const listener of [...refuseListeners]) listener();
}

export function isDemoRefusingSockets(): boolean {
  return refusing;
}

/** Calls `listener` whenever refusing is switched on; returns the unsubscribe. */
export function onDemoRefusingSockets(listener: () => void): () => void {
  refuseListeners.add(listener);
  return () => {
    refuseListeners.delete(listener);
  };
}

// The demo's switches, for a viewer's console and for end-to-end tests (demo builds only).
if (typeof window !== 'undefined') {
  Object.assign(window, {
    __observatoryDemo: { setFlapping: setDemoFlapping, setRefusingSockets: setDemoRefusingSockets },
  });
}

/** A flapping cycle: refused for a while, then accepted but cut after a few seconds. */
export const FLAP_CYCLE_MS = 45_000;
export const FLAP_REFUSE_MS = 15_000;
export const FLAP_DROP_AFTER_MS = { min: 2_000, max: 6_000 };

export type FlapVerdict =
  { action: 'accept' } | { action: 'refuse' } | { action: 'drop'; afterMs: number };

/** What a flapping gateway does with a connection attempt at tMs. */
export function flapVerdict(tMs: number, random: () => number = Math.random): FlapVerdict {
  if (refusing) return { action: 'refuse' };
  if (!flapping) return { action: 'accept' };
  if (tMs % FLAP_CYCLE_MS < FLAP_REFUSE_MS) return { action: 'refuse' };
  const { min, max } = FLAP_DROP_AFTER_MS;
  return { action: 'drop', afterMs: Math.round(min + random() * (max - min)) };
}
