import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Step } from '@/datasources/live';
import {
  bottleneckReason,
  shownSteps,
  stepBar,
  stepDurationMs,
  type Bottleneck,
  type RunWindow,
} from '../waterfall';
import { StepRow } from './StepRow';

/**
 * Above this many steps only the rows on screen are rendered: a run with hundreds of steps
 * updating hundreds of times a second would otherwise spend every frame laying them all out.
 */
export const VIRTUALIZE_ABOVE = 60;
const ESTIMATED_ROW_PX = 48;
const COLUMNS = 6;

/** Rounds bar geometry so a step that did not change keeps equal props between frames. */
const pct = (value: number) => Math.round(value * 100) / 100;

type Geometry = { span: RunWindow; now: number; bottleneck: Bottleneck | null };

function renderRow(
  step: Step,
  index: number,
  geometry: Geometry,
  ref?: (el: Element | null) => void,
) {
  const { span, now, bottleneck } = geometry;
  const bar = stepBar(step, span, now);
  return (
    <StepRow
      key={step.id}
      ref={ref}
      index={index}
      step={step}
      offsetPct={bar ? pct(bar.offsetPct) : null}
      widthPct={bar ? pct(bar.widthPct) : null}
      durationMs={stepDurationMs(step, now)}
      bottleneck={bottleneck?.stepId === step.id ? bottleneckReason(bottleneck) : null}
    />
  );
}

function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={COLUMNS} />
    </tr>
  );
}

/** Only the rows in and near the viewport, with spacers standing in for the rest. */
function VirtualRows({ steps, geometry }: { steps: readonly Step[]; geometry: Geometry }) {
  const anchor = useRef<HTMLTableRowElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the rows begin in the page; the window virtualizer counts from the page top.
    const measure = () => {
      const top = anchor.current?.getBoundingClientRect().top;
      if (top !== undefined) setScrollMargin(top + window.scrollY);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: steps.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => steps[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return (
    <>
      <tr ref={anchor} aria-hidden className="h-0" />
      <Spacer height={first ? first.start - scrollMargin : 0} />
      {items.map((item) => {
        const step = steps[item.index];
        return step ? renderRow(step, item.index, geometry, virtualizer.measureElement) : null;
      })}
      <Spacer height={last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0} />
    </>
  );
}

function Header() {
  return (
    <thead>
      <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
        <th scope="col" className="px-2 py-1 font-medium">
          Step
        </th>
        <th scope="col" className="px-2 py-1 font-medium">
          Status
        </th>
        <th scope="col" className="px-2 py-1 font-medium">
          Timeline
        </th>
        <th scope="col" className="px-2 py-1 text-right font-medium">
          Duration
        </th>
        <th scope="col" className="px-2 py-1 text-right font-medium">
          Tokens
        </th>
        <th scope="col" className="px-2 py-1 text-right font-medium">
          Cost
        </th>
      </tr>
    </thead>
  );
}

/** One run's steps as a live waterfall: rows keyed by step id, bars growing while they run. */
export function StepWaterfall({
  steps,
  span,
  now,
  bottleneck,
}: {
  steps: readonly Step[];
  /** The time span the timeline column draws. */
  span: RunWindow;
  now: number;
  bottleneck: Bottleneck | null;
}) {
  const { shown, waiting } = useMemo(() => shownSteps(steps), [steps]);
  const waitingNote: ReactNode = waiting > 0 && (
    <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="steps-waiting">
      {waiting === 1 ? '1 more step has' : `${waiting} more steps have`} not started yet.
    </p>
  );
  if (shown.length === 0) {
    return (
      <div className="flex flex-col items-center gap-1 py-6">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No steps yet: they appear here as they start.
        </p>
        {waitingNote}
      </div>
    );
  }
  const geometry: Geometry = { span, now, bottleneck };
  return (
    <div className="flex flex-col gap-2 overflow-x-auto">
      {/* Fixed layout: an update in one row never makes the browser re-measure every row. */}
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">
          Steps of this run, in start order ({shown.length} started)
        </caption>
        <colgroup>
          <col className="w-[26%]" />
          <col className="w-24" />
          <col />
          <col className="w-20" />
          <col className="w-20" />
          <col className="w-24" />
        </colgroup>
        <Header />
        <tbody>
          {shown.length > VIRTUALIZE_ABOVE ? (
            <VirtualRows steps={shown} geometry={geometry} />
          ) : (
            shown.map((step, index) => renderRow(step, index, geometry))
          )}
        </tbody>
      </table>
      {waitingNote}
    </div>
  );
}
