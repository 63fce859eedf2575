// Measurements taken inside the page. Each function is serialised by Playwright and run in
// the page, so it uses browser globals only.

/**
 * Installed before the app loads: keeps Element Timing entries (the first row's paint) and
 * offers `window.__benchFirstRow`, a promise of that paint time. Waiting on it costs the page
 * nothing, where polling for the row from outside would run code in the page while it loads.
 */
export function recordElementTimings() {
  window.__benchElementTimings = [];
  window.__benchFirstRow = new Promise((resolve) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__benchElementTimings.push({ id: entry.identifier, renderTime: entry.renderTime });
          if (entry.identifier === 'trace-first-row') resolve(entry.renderTime);
        }
      }).observe({ type: 'element', buffered: true });
    } catch {
      // No Element Timing: the bench falls back to the time the row was seen.
      resolve(null);
    }
  });
}

/**
 * When the trace engine held the whole trace (span details, find and the analyses ready), ms
 * from navigation start. A Jaeger trace's rows come before that, from a quick scan.
 */
export async function completeTime() {
  const started = performance.now();
  for (;;) {
    const mark = performance.getEntriesByName('trace-view:complete')[0];
    if (mark) return mark.startTime;
    if (performance.now() - started > 60_000) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Paint time of the first span row, ms from navigation start, and the app's load marks. */
export function firstRowTimes() {
  const entry = window.__benchElementTimings.find((e) => e.id === 'trace-first-row');
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  return {
    firstRowPaintMs: entry ? entry.renderTime : null,
    loadStartMs: mark('trace-view:load-start'),
    overviewMs: mark('trace-view:overview'),
  };
}

/**
 * Scrolls the waterfall to the bottom: ms until the frame that shows the last row has been
 * painted (the scroll event is dispatched in the next frame; the rows render in it).
 */
export async function scrollToBottom() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const painted = () => new Promise((resolve) => setTimeout(resolve, 0));
  const list = document.querySelector('[data-testid="waterfall"]');
  const rows = Math.round(list.scrollHeight / list.querySelector('[data-row-index]').offsetHeight);
  const last = () => list.querySelector(`[data-row-index="${rows - 1}"]`);
  const started = performance.now();
  list.scrollTop = list.scrollHeight;
  do {
    if (performance.now() - started > 10_000) throw new Error('last row never rendered');
    await frame();
  } while (!last());
  await painted();
  return { ms: performance.now() - started, lastRow: rows - 1 };
}

/** Collapses everything, then times "Expand all" until the frame showing all rows is painted. */
export async function expandAll() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const painted = () => new Promise((resolve) => setTimeout(resolve, 0));
  const button = (name) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent === name);
  const shown = () => document.querySelector('[data-testid="shown-spans"]').textContent;
  const list = document.querySelector('[data-testid="waterfall"]');
  list.scrollTop = 0;
  button('Collapse all').click();
  await frame();
  await painted();
  if (!shown().includes(' of ')) throw new Error('collapse all did not collapse');
  const started = performance.now();
  button('Expand all').click();
  do {
    if (performance.now() - started > 10_000) throw new Error('expand all never finished');
    await frame();
  } while (shown().includes(' of '));
  await painted();
  return { ms: performance.now() - started, shown: shown() };
}

export function domRowCount() {
  return document.querySelectorAll('[data-row-index]').length;
}

export function heapUsed() {
  return performance.memory ? performance.memory.usedJSHeapSize : null;
}
