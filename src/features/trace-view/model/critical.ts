import type { CriticalPathData } from '@/datasources/traces/worker';

/** Critical-path segments grouped by span, for drawing them on each row. */
export interface CriticalIndex {
  /** 1 where the span holds part of the critical path. */
  onPath: Uint8Array;
  /** Segments of span `i` are `order[offsets[i] .. offsets[i + 1])` (indices into the data). */
  offsets: Int32Array;
  order: Int32Array;
}

export function indexCriticalPath(data: CriticalPathData, spanCount: number): CriticalIndex {
  const onPath = new Uint8Array(spanCount);
  const offsets = new Int32Array(spanCount + 1);
  const n = data.spanIndex.length;
  for (let s = 0; s < n; s++) {
    const span = data.spanIndex[s] as number;
    onPath[span] = 1;
    offsets[span + 1] = (offsets[span + 1] as number) + 1;
  }
  for (let i = 0; i < spanCount; i++)
    offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, spanCount);
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const span = data.spanIndex[s] as number;
    order[(fill[span] as number)++] = s;
  }
  return { onPath, offsets, order };
}

/** The critical stretches of one span, as [start, end) in µs from the trace start. */
export function criticalSegmentsOf(
  index: CriticalIndex,
  data: CriticalPathData,
  span: number,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let k = index.offsets[span] as number; k < (index.offsets[span + 1] as number); k++) {
    const s = index.order[k] as number;
    out.push({ start: data.start[s] as number, end: data.end[s] as number });
  }
  return out;
}
