/**
 * Runs `task` once the next frame has been painted (a timer queued from the frame's
 * animation callback runs after its paint); returns a function that cancels it. For work the
 * first paint of a big view must not wait for, or compete with for the processor.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
