import type { TreeColumns } from '@/features/trace-view/model/rows';

/**
 * A small tree for tests, in depth-first order:
 *
 *   0 root
 *   ├─ 1 a
 *   │  ├─ 2 a1
 *   │  └─ 3 a2
 *   │     └─ 4 a2x
 *   └─ 5 b
 *      └─ 6 b1
 */
export function sampleTree(): TreeColumns {
  return {
    spanCount: 7,
    parent: Int32Array.from([-1, 0, 1, 1, 3, 0, 5]),
    depth: Int32Array.from([0, 1, 2, 2, 3, 1, 2]),
    subtreeSize: Int32Array.from([7, 4, 1, 2, 1, 2, 1]),
  };
}
