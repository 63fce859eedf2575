import { useRef, type PointerEvent } from 'react';
import { ticks } from '../model/timeScale';
import { clamp } from '../model/virtualizer';

export const MIN_NAME_WIDTH = 160;

/** Column titles and time ticks above the waterfall; the divider resizes the name column. */
export function TimelineHeader({
  totalUs,
  nameWidth,
  gutter,
  onNameWidth,
}: {
  totalUs: number;
  nameWidth: number;
  /** Scrollbar width of the list below. */
  gutter: number;
  onNameWidth: (width: number) => void;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const header = useRef<HTMLDivElement>(null);
  const maxWidth = () => Math.max(MIN_NAME_WIDTH, (header.current?.clientWidth ?? 800) - 160);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, width: nameWidth };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onNameWidth(
      clamp(drag.current.width + event.clientX - drag.current.x, MIN_NAME_WIDTH, maxWidth()),
    );
  };

  return (
    <div
      ref={header}
      className="flex h-7 shrink-0 items-stretch border-b border-slate-200 text-[11px] text-slate-500 dark:border-slate-700 dark:text-slate-400"
      style={{ paddingRight: gutter }}
    >
      <div
        className="relative flex shrink-0 items-center px-2 font-medium"
        style={{ width: nameWidth }}
      >
        Service · operation
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize the name column"
          aria-valuenow={Math.round(nameWidth)}
          aria-valuemin={MIN_NAME_WIDTH}
          tabIndex={0}
          className="absolute inset-y-0 -right-1 w-2 cursor-col-resize hover:bg-sky-300 focus-visible:bg-sky-400"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowLeft' ? -24 : event.key === 'ArrowRight' ? 24 : 0;
            if (step === 0) return;
            event.preventDefault();
            onNameWidth(clamp(nameWidth + step, MIN_NAME_WIDTH, maxWidth()));
          }}
        />
      </div>
      <div className="relative min-w-0 flex-1" aria-hidden="true">
        {ticks(totalUs).map((tick, i, all) => (
          <span
            key={tick.us}
            className="absolute top-1.5 whitespace-nowrap tabular-nums"
            style={
              i === all.length - 1 && tick.pct > 90
                ? { right: `${100 - tick.pct}%`, paddingRight: 4 }
                : { left: `${tick.pct}%`, paddingLeft: 4 }
            }
          >
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}
