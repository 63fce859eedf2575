import { create } from 'zustand';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'offline';
export type LiveTransport = 'websocket' | 'sse' | 'polling' | null;

export type ConnectionState = {
  configured: boolean;
  status: LiveStatus;
  transport: LiveTransport;
  lastUpdate: number | null;
  error: string | null;
};

/** What the header's connection indicator shows; written by the live metrics stream. */
export const useConnectionStore = create<
  ConnectionState & { set: (s: Partial<ConnectionState>) => void }
>((set) => ({
  configured: false,
  status: 'offline',
  transport: null,
  lastUpdate: null,
  error: null,
  set: (s) => set(s),
}));
