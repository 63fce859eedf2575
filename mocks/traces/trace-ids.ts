import { SERVICES } from './catalog';

/**
 * Demo trace ids carry everything needed to regenerate their trace, so any id a search
 * returned can be opened later without server state:
 * 8 hex span count · 12 hex start (Unix ms) · 2 hex root service · 10 hex seed = 32 hex.
 */

export const MAX_DEMO_SPANS = 50_000;

export interface DemoTraceKey {
  spans: number;
  startMs: number;
  rootService: number;
  seed: number;
}

export function encodeTraceId(key: DemoTraceKey): string {
  return hex(key.spans, 8) + hex(key.startMs, 12) + hex(key.rootService, 2) + hex(key.seed, 10);
}

export function decodeTraceId(id: string): DemoTraceKey | null {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const spans = parseInt(id.slice(0, 8), 16);
  const startMs = parseInt(id.slice(8, 20), 16);
  const rootService = parseInt(id.slice(20, 22), 16);
  const seed = parseInt(id.slice(22), 16) % 2 ** 32;
  if (spans < 1 || spans > MAX_DEMO_SPANS || rootService >= SERVICES.length) return null;
  return { spans, startMs, rootService, seed };
}

function hex(value: number, width: number): string {
  return Math.floor(value).toString(16).padStart(width, '0').slice(-width);
}
