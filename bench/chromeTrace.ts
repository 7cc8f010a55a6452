/** Reading Chrome traces (Playwright's `browser.startTracing`) for the browser benchmarks. */

export interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
}

/** The categories `workPerFrame` needs. */
export const FRAME_CATEGORIES = ['devtools.timeline', 'toplevel'];

/**
 * Main-thread work of each frame that a DOM event of `eventType` caused: the top-level tasks of
 * the page's main thread from the end of one frame's rendering (`Layerize`) to the end of the
 * next, counted when one of them dispatched such an event. This is the figure to hold against a
 * frame's budget: gaps between animation frames cannot go under the display's 16.7 ms and are
 * mostly idle frames between two inputs.
 */
export function workPerFrame(events: readonly TraceEvent[], eventType: string): number[] {
  // With several pages open there are several renderers: the one that got the events.
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const dispatched = (m: TraceEvent) =>
    events.filter(
      (e) =>
        e.pid === m.pid &&
        e.tid === m.tid &&
        e.name === 'EventDispatch' &&
        e.args?.data?.type === eventType,
    ).length;
  const main = mains.map((m) => ({ m, n: dispatched(m) })).sort((a, b) => b.n - a.n)[0]?.m;
  if (!main) throw new Error('the trace has no renderer main thread');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => a.ts - b.ts);
  const ends = mine.filter((e) => e.name === 'Layerize').map((e) => e.ts);
  const inputs = mine
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === eventType)
    .map((e) => e.ts);
  const frames: number[] = [];
  let busy = 0;
  let caused = false;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    busy += (task.dur ?? 0) / 1000;
    caused ||= inputs.some((t) => t >= task.ts && t <= end);
    if (ends.some((t) => t >= task.ts && t <= end)) {
      if (caused) frames.push(busy);
      busy = 0;
      caused = false;
    }
  }
  return frames;
}
