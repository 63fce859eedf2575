import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import type { CriticalPathData, GenAiData, TraceOverview } from '@/datasources/traces/worker';
import type { CriticalIndex } from '../model/critical';
import type { ScrollStore } from '../model/scrollStore';
import { shownChildCount } from '../model/rows';
import { ticks } from '../model/timeScale';
import { rowWindow, rowsPerPage, scrollToCenter, scrollToReveal } from '../model/virtualizer';
import { ROW_HEIGHT, rowDomId, WaterfallRow } from './WaterfallRow';

export interface WaterfallHandle {
  /** Scrolls so the row shows: with the least movement, or centred. */
  reveal: (row: number, how?: 'nearest' | 'center') => void;
  scrollTo: (scrollTop: number) => void;
  focus: () => void;
  pageSize: () => number;
}

export interface WaterfallProps {
  overview: TraceOverview;
  rows: Int32Array;
  collapsed: Uint8Array;
  /** The filter's kept spans ("only matches"); rows count only kept children then. */
  keep: Uint8Array | null;
  selected: number;
  matchMask: Uint8Array | null;
  currentMatch: number;
  critical: { index: CriticalIndex; data: CriticalPathData } | null;
  genAi: GenAiData | null;
  nameWidth: number;
  scroll: ScrollStore;
  onRowClick: (span: number) => void;
  onToggle: (span: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * The virtualized span list: a scroll container as tall as all rows, with only the rows in
 * view (plus a few) in the DOM, positioned absolutely. Row geometry is in `virtualizer.ts`.
 */
export const Waterfall = forwardRef<WaterfallHandle, WaterfallProps>(
  function Waterfall(props, ref) {
    const { overview, rows, scroll } = props;
    const container = useRef<HTMLDivElement>(null);
    const { scrollTop, viewportHeight } = useSyncExternalStore(scroll.subscribe, scroll.get);
    const rowCount = rows.length;

    const geometry = useCallback(
      () => ({
        scrollTop: container.current?.scrollTop ?? 0,
        viewportHeight: container.current?.clientHeight ?? 0,
        rowHeight: ROW_HEIGHT,
        rowCount,
      }),
      [rowCount],
    );

    const publish = useCallback(() => {
      const el = container.current;
      if (el) {
        scroll.set({
          scrollTop: el.scrollTop,
          viewportHeight: el.clientHeight,
          gutter: el.offsetWidth - el.clientWidth,
        });
      }
    }, [scroll]);

    useLayoutEffect(() => {
      publish();
      const el = container.current;
      if (!el || typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(publish);
      observer.observe(el);
      return () => observer.disconnect();
    }, [publish, rowCount]);

    useImperativeHandle(
      ref,
      () => ({
        reveal: (row, how = 'nearest') => {
          const el = container.current;
          if (!el || row < 0) return;
          const g = geometry();
          el.scrollTop = how === 'center' ? scrollToCenter(row, g) : scrollToReveal(row, g);
          publish();
        },
        scrollTo: (top) => {
          if (container.current) container.current.scrollTop = top;
          publish();
        },
        focus: () => container.current?.focus({ preventScroll: true }),
        pageSize: () => rowsPerPage(geometry()),
      }),
      [geometry, publish],
    );

    const { first, end } = rowWindow({
      scrollTop,
      viewportHeight,
      rowHeight: ROW_HEIGHT,
      rowCount,
    });
    const items = [];
    for (let r = first; r < end; r++) {
      const span = rows[r] as number;
      items.push(
        <WaterfallRow
          key={span}
          overview={overview}
          span={span}
          row={r}
          nameWidth={props.nameWidth}
          collapsed={props.collapsed[span] === 1}
          childRows={shownChildCount(
            overview,
            props.keep,
            span,
            overview.childCount[span] as number,
          )}
          selected={props.selected === span}
          matched={props.matchMask?.[span] === 1}
          current={props.currentMatch === span}
          critical={props.critical}
          genAi={props.genAi}
          timed={r === 0}
          onClick={props.onRowClick}
          onToggle={props.onToggle}
        />,
      );
    }
    const selectedVisible =
      props.selected >= 0 && items.some((item) => item.key === String(props.selected));

    return (
      <div
        ref={container}
        role="tree"
        aria-label="Spans"
        aria-activedescendant={selectedVisible ? rowDomId(props.selected) : undefined}
        tabIndex={0}
        data-testid="waterfall"
        className="relative min-h-0 flex-1 overflow-auto focus-visible:outline-2 focus-visible:outline-sky-600"
        onScroll={publish}
        onKeyDown={props.onKeyDown}
      >
        <div className="relative" style={{ height: rowCount * ROW_HEIGHT }}>
          <Gridlines totalUs={overview.durationUs} left={props.nameWidth} />
          {items}
        </div>
      </div>
    );
  },
);

function Gridlines({ totalUs, left }: { totalUs: number; left: number }) {
  return (
    <div
      className="pointer-events-none absolute inset-y-0 right-0"
      style={{ left }}
      aria-hidden="true"
    >
      {ticks(totalUs).map((tick) => (
        <div
          key={tick.us}
          className="absolute inset-y-0 w-px bg-slate-100 dark:bg-slate-800"
          style={{ left: `${tick.pct}%` }}
        />
      ))}
    </div>
  );
}
