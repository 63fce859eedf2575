import { create } from 'zustand';
import type { StreamStatus, Transport } from '@/datasources/live';

export type LiveStatus = StreamStatus;
export type LiveTransport = Transport | null;

/**
 * Where the live metrics come from: the platform's gateway, Prometheus (no gateway configured:
 * the snapshot is computed from metrics), or nowhere (neither is configured).
 */
export type LiveSource = 'gateway' | 'prometheus' | null;

export type ConnectionState = {
  source: LiveSource;
  status: LiveStatus;
  transport: LiveTransport;
  lastUpdate: number | null;
  error: string | null;
  /** Disconnected on purpose while the page is hidden. */
  paused: boolean;
};

export const INITIAL_CONNECTION_STATE: ConnectionState = {
  source: null,
  status: 'connecting',
  transport: null,
  lastUpdate: null,
  error: null,
  paused: false,
};

/**
 * The live metrics stream's connection, for the header indicator and the Health view's data
 * source list. Written only by the live provider (src/query/live), so every reader agrees.
 */
export const useConnectionStore = create<
  ConnectionState & { set: (s: Partial<ConnectionState>) => void }
>((set) => ({
  ...INITIAL_CONNECTION_STATE,
  set: (s) => set(s),
}));
