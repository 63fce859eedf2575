import { create } from 'zustand';

/**
 * The instant relative ranges ("now-1h") are resolved against. It only moves on a refresh
 * tick or an explicit refresh, so every panel resolves the same range and shares cache keys.
 */
type NowState = { now: number; tick: () => void };

export const useNowStore = create<NowState>((set) => ({
  now: Date.now(),
  tick: () => set({ now: Date.now() }),
}));
