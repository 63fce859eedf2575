/**
 * Ordering decision for one data message of a stream.
 *
 * - `apply`: next in sequence (or a full-state message that may replace everything).
 * - `duplicate`: already seen (seq ≤ last); ignore.
 * - `gap`: messages were missed; the stream needs a REST snapshot before it can go on.
 */
export type SeqDecision = 'apply' | 'duplicate' | 'gap';

export interface SeqInput {
  /** Seq of the last applied message or snapshot; null before any. */
  last: number | null;
  seq: number;
  /** The message carries the whole state (a snapshot), so it needs no predecessor. */
  full: boolean;
  /** First message on a newly opened connection. */
  fresh: boolean;
}

export function decideSeq({ last, seq, full, fresh }: SeqInput): SeqDecision {
  if (last === null) return full ? 'apply' : 'gap';
  if (seq === last + 1) return 'apply';
  // A new connection may talk to a restarted gateway whose counter began again: a full
  // snapshot is authoritative, anything else is resynced rather than trusted or discarded.
  if (fresh) return full ? 'apply' : 'gap';
  if (seq <= last) return 'duplicate';
  return full ? 'apply' : 'gap';
}

/** True when a seq jump was skipped over (as opposed to the next message in order). */
export function isJump(last: number | null, seq: number): boolean {
  return last !== null && seq !== last + 1;
}
