import { isAbsentId } from './ids';
import type { Span, SpanFlags, Trace, TraceTree, TraceWarning } from './model';
import { WarningTally } from './warnings';

/**
 * Builds the tree of a trace from its spans (in any order) and returns the finished `Trace`.
 *
 * Decisions, all visible to the user through span flags and trace warnings:
 * - Orphans (parent id not in the trace) become extra roots flagged `orphan`, as Jaeger UI
 *   shows them; no synthetic span is invented.
 * - Duplicate span ids: every copy is kept and flagged `duplicateId`; the second and later
 *   copies get the key `<id>~2`, `<id>~3`… so row keys stay unique. Children of a duplicated
 *   id attach to its first copy.
 * - A span whose parent id is its own id is the server half of a shared RPC span (Zipkin):
 *   it nests under its twin, is not flagged as a duplicate, and children of that id attach
 *   to it (the innermost half).
 * - Clock skew (child starts before parent) and CHILD_OF children ending after their parent
 *   are flagged; times are never shifted.
 * - A parent chain that loops is cut at its earliest-starting span, which becomes a root.
 *
 * Takes ownership of `input`: the span objects get their final `key` and `flags`.
 * Runs in O(n log n) (one sort by start time); everything else is linear.
 */
export function assembleTrace(
  traceId: string,
  input: readonly Span[],
  sourceWarnings: readonly TraceWarning[] = [],
): Trace {
  const n = input.length;
  const tally = new WarningTally(sourceWarnings);
  const { target, twinParent, duplicated } = indexIds(input);

  const parentOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const span = input[i] as Span;
    const twin = twinParent[i] ?? -1;
    if (twin >= 0) {
      parentOf[i] = twin;
      continue;
    }
    if (isAbsentId(span.parentSpanId)) continue;
    const parent = target.get(span.parentSpanId as string);
    if (parent === undefined || parent === i) {
      setFlag(span, 'orphan');
      tally.add(
        'orphan',
        parent === i
          ? 'Spans that name themselves as their parent are shown as roots'
          : 'Spans whose parent is not in the trace are shown as roots',
        span.key,
      );
    } else {
      parentOf[i] = parent;
    }
  }
  for (const i of duplicated) {
    const span = input[i] as Span;
    setFlag(span, 'duplicateId');
    tally.add('duplicate-id', 'Several spans share one span id', span.key);
  }

  const byStart = sortByStart(input);
  const order = depthFirstOrder(input, parentOf, byStart, tally);
  const trace = reorder(traceId, input, parentOf, order);
  flagTiming(trace, tally);
  return { ...trace, warnings: tally.list() };
}

interface IdIndex {
  /** Where children of a span id attach. */
  target: Map<string, number>;
  /** For the server half of a shared RPC span: index of its twin, else undefined/-1. */
  twinParent: Int32Array;
  /** Indices of spans to flag as duplicates. */
  duplicated: number[];
}

function indexIds(spans: readonly Span[]): IdIndex {
  const n = spans.length;
  const target = new Map<string, number>();
  const copies = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const span = spans[i] as Span;
    span.key = span.spanId;
    const first = target.get(span.spanId);
    if (first === undefined) {
      target.set(span.spanId, i);
    } else {
      const list = copies.get(span.spanId);
      if (list) list.push(i);
      else copies.set(span.spanId, [first, i]);
    }
  }

  const twinParent = new Int32Array(n).fill(-1);
  const duplicated: number[] = [];
  const generated = new Set<string>();
  for (const [id, list] of copies) {
    // Keys are decided once every real id is known, so a generated key never takes one.
    for (let copy = 1; copy < list.length; copy++) {
      const key = uniqueKey(id, copy + 1, (k) => target.has(k) || generated.has(k));
      generated.add(key);
      (spans[list[copy] as number] as Span).key = key;
    }
    const servers = list.filter((i) => spans[i]?.parentSpanId === id);
    const clients = list.filter((i) => spans[i]?.parentSpanId !== id);
    const client = clients[0];
    if (servers.length === 1 && clients.length === 1 && client !== undefined) {
      const server = servers[0] as number;
      twinParent[server] = client;
      target.set(id, server);
      continue;
    }
    for (const i of list) {
      if (spans[i]?.parentSpanId === id && client !== undefined && i !== client) {
        twinParent[i] = client;
      }
      duplicated.push(i);
    }
  }
  return { target, twinParent, duplicated };
}

function uniqueKey(spanId: string, copy: number, taken: (key: string) => boolean): string {
  let n = copy;
  let key = `${spanId}~${n}`;
  while (taken(key)) key = `${spanId}~${++n}`;
  return key;
}

/** Span indices sorted by start time, ties by input order: siblings come out in this order. */
function sortByStart(spans: readonly Span[]): Int32Array {
  const n = spans.length;
  const start = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const t = (spans[i] as Span).startUs;
    start[i] = t;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) whole = false;
  }
  return whole && (max - min + 1) * n <= Number.MAX_SAFE_INTEGER
    ? sortPacked(start, min)
    : sortCompared(start);
}

/**
 * Whole microseconds since the earliest start, times n, plus the index: one exact number per
 * span whose numeric order is (start, index). The engine's built-in numeric sort of a typed
 * array is several times faster than any sort with a comparator. Exact while (duration in
 * µs) × spans stays below 2^53: a trace of 100k spans up to a day long; others are compared.
 */
function sortPacked(start: Float64Array, min: number): Int32Array {
  const n = start.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ((start[i] as number) - min) * n + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = (packed[k] as number) % n;
  return order;
}

function sortCompared(start: Float64Array): Int32Array {
  const order = new Int32Array(start.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (start[a] as number) - (start[b] as number) || a - b);
}

/** Pre-order walk of the tree, children by start time; breaks parent cycles. */
function depthFirstOrder(
  spans: readonly Span[],
  parentOf: Int32Array,
  byStart: Int32Array,
  tally: WarningTally,
): Int32Array {
  const n = spans.length;
  // Children lists in compressed form: children of p are childList[childStart[p]..childStart[p+1]).
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parentOf[i] as number;
    if (p >= 0) childStart[p + 1] = (childStart[p + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++)
    childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byStart[k] as number;
    const p = parentOf[i] as number;
    if (p >= 0) childList[(fill[p] as number)++] = i;
  }

  const walk: Walk = {
    childStart,
    childList,
    parentOf,
    order: new Int32Array(n),
    visited: new Uint8Array(n),
    path: new Int32Array(n),
    cursor: new Int32Array(n),
    count: 0,
  };
  for (let k = 0; k < n; k++) {
    const i = byStart[k] as number;
    if (parentOf[i] === -1) walkFrom(walk, i);
  }
  if (walk.count < n) {
    for (let k = 0; k < n; k++) {
      const i = byStart[k] as number;
      if (walk.visited[i]) continue;
      // Unreached spans hang off a loop of parent ids; cut the loop at the earliest one.
      parentOf[i] = -1;
      const span = spans[i] as Span;
      setFlag(span, 'cycle');
      tally.add(
        'cycle',
        'Parent ids form a loop; it was cut and the span shown as a root',
        span.key,
      );
      walkFrom(walk, i);
    }
  }
  return walk.order;
}

interface Walk {
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  readonly parentOf: Int32Array;
  readonly order: Int32Array;
  readonly visited: Uint8Array;
  /** Spans on the path from the root being walked, and where each is in its children list. */
  readonly path: Int32Array;
  readonly cursor: Int32Array;
  count: number;
}

/**
 * Appends the subtree of `root` to `walk.order` in pre-order. One flat loop over typed arrays:
 * with a loop over the children inside the loop over spans, the engine compiled the inner loop
 * on its own and dropped that code each time the loop ended, once per span with children.
 */
function walkFrom(walk: Walk, root: number): void {
  const { childStart, childList, parentOf, order, visited, path, cursor } = walk;
  let count = walk.count;
  visited[root] = 1;
  order[count++] = root;
  path[0] = root;
  cursor[0] = childStart[root] as number;
  let top = 1;
  while (top > 0) {
    const v = path[top - 1] as number;
    const c = cursor[top - 1] as number;
    if (c >= (childStart[v + 1] as number)) {
      top--;
      continue;
    }
    cursor[top - 1] = c + 1;
    const child = childList[c] as number;
    // A span cut out of a loop of parent ids has become a root: it is no longer a child here.
    if (visited[child] || parentOf[child] !== v) continue;
    visited[child] = 1;
    order[count++] = child;
    path[top] = child;
    cursor[top] = childStart[child] as number;
    top++;
  }
  walk.count = count;
}

function reorder(
  traceId: string,
  input: readonly Span[],
  parentOf: Int32Array,
  order: Int32Array,
): Omit<Trace, 'warnings'> {
  const n = input.length;
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) position[order[i] as number] = i;

  const spans: Span[] = new Array<Span>(n);
  const parent = new Int32Array(n);
  const depth = new Int32Array(n);
  const subtreeSize = new Int32Array(n).fill(1);
  const rootIndices: number[] = [];
  const services: string[] = [];
  const seenServices = new Set<string>();
  let startUs = Infinity;
  let endUs = -Infinity;

  for (let i = 0; i < n; i++) {
    const old = order[i] as number;
    const span = input[old] as Span;
    spans[i] = span;
    const oldParent = parentOf[old] as number;
    const p = oldParent === -1 ? -1 : (position[oldParent] as number);
    parent[i] = p;
    if (p === -1) rootIndices.push(i);
    else depth[i] = (depth[p] as number) + 1;
    if (!seenServices.has(span.service)) {
      seenServices.add(span.service);
      services.push(span.service);
    }
    if (span.startUs < startUs) startUs = span.startUs;
    const end = span.startUs + span.durationUs;
    if (end > endUs) endUs = end;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i] as number;
    if (p >= 0) subtreeSize[p] = (subtreeSize[p] as number) + (subtreeSize[i] as number);
  }
  if (n === 0) startUs = endUs = 0;
  const tree: TraceTree = { parent, depth, subtreeSize };
  return {
    traceId,
    spans,
    tree,
    rootIndices,
    services,
    startUs,
    endUs,
    durationUs: endUs - startUs,
  };
}

function flagTiming(trace: Omit<Trace, 'warnings'>, tally: WarningTally): void {
  const { spans, tree } = trace;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    if (span.durationUs < 0) {
      tally.add('invalid-data', 'Spans have a negative duration; shown as recorded', span.key);
    }
    const p = tree.parent[i] as number;
    if (p < 0) continue;
    const parent = spans[p] as Span;
    if (span.startUs < parent.startUs) {
      setFlag(span, 'clockSkew');
      tally.add(
        'clock-skew',
        'Spans start before their parent (clock skew); times are shown as recorded',
        span.key,
      );
    }
    if (
      span.refType === 'CHILD_OF' &&
      span.startUs + span.durationUs > parent.startUs + parent.durationUs
    ) {
      setFlag(span, 'outlivesParent');
      tally.add('outlives-parent', 'Child spans end after their parent ends', span.key);
    }
  }
}

function setFlag(span: Span, flag: keyof SpanFlags): void {
  span.flags = { ...span.flags, [flag]: true };
}
