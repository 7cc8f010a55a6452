/**
 * Trace benchmark (issue 5): a synthetic 5,000-event run over a 500-agent graph.
 * - the trace reducer in Node and in headless Chromium: time from one event to the new trace
 *   state with the active agent's and edge's overlay read (median, p95); scrubbing the timeline
 *   from end to start, one event a step, with the chat as it was (steps per second);
 * - the Run panel in headless Chromium on the production build, the run imported as a file:
 *   scrubbing end to start with the slider, each step until React has updated the DOM and the
 *   layout is done (steps per second).
 * - the canvas overlay in headless Chromium, the 500-agent graph open and the run imported: the
 *   timeline stepped forward one event per frame from the start, each step until the overlay is
 *   in the DOM and laid out, and the main thread's whole work for that frame, paint included
 *   (from a Chrome trace).
 * Targets (printed, not asserted): event → overlay < 5 ms median, scrubbing ≥ 60 steps/s.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config';
import { browserBundle } from '../test/support/browserBundle';
import { FRAME_CATEGORIES, workPerFrame, type ChromeTrace } from './chromeTrace';
import { benchDocument } from './designer';
import { generateDocumentText } from './model';
import { ms, table } from './measure';
import { startPreview } from './previewServer';
import { measureTrace, syntheticRun, type TraceFigures } from './traceRun';

const AGENTS = 500;
const EVENTS = 5000;
const PORT = 4319;
const DIST = '.tmp/bench-trace-dist';

function reducerBundle(): Promise<string> {
  return browserBundle(
    "import { measureTrace, syntheticRun } from './bench/traceRun';\n" +
      'globalThis.__benchTrace = (agents, count) => {\n' +
      '  const events = syntheticRun(agents, count);\n' +
      '  measureTrace(events);\n' +
      '  return measureTrace(events);\n' +
      '};',
  );
}

/** The run as a run file the panel imports. */
function runFile(): string {
  const events = syntheticRun(AGENTS, EVENTS);
  return JSON.stringify({
    format: 'handoff-run',
    version: 1,
    run: {
      runId: 'bench-trace',
      workflowName: `generated_${AGENTS}`,
      provider: 'script',
      status: 'completed',
      startedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    document: JSON.parse(generateDocumentText(AGENTS, 4)) as unknown,
    events,
    script: {},
  });
}

interface PanelScrub {
  steps: number;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
  chatItemsAtEnd: number;
}

/** Opens the Run panel and imports the synthetic run; resolves once its timeline is there. */
async function importRunFile(page: Page): Promise<void> {
  const root = page.getByRole('region', { name: 'Run panel' });
  const toggle = root.getByRole('button', { name: 'Run', exact: true });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await root.getByLabel('Run file to import').setInputFiles({
    name: 'bench.run.json',
    mimeType: 'application/json',
    buffer: Buffer.from(runFile()),
  });
  await page.waitForFunction(
    (max) => document.querySelector('.timeline input[type=range]')?.getAttribute('max') === max,
    String(EVENTS),
    { timeout: 60_000 },
  );
}

/** Scrubs the imported run in the Run panel from its end to its start with the slider. */
async function panelScrub(page: Page): Promise<PanelScrub> {
  await page.goto(`http://127.0.0.1:${PORT}/?example=customer_support.json`);
  await importRunFile(page);
  // A string, so that the bundler's helpers do not leak into the page.
  return (await page.evaluate(`(async () => {
    const slider = document.querySelector('.timeline input[type=range]');
    const label = document.querySelector('.timeline__count');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const yieldTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const chatItemsAtEnd = document.querySelectorAll('.chat > li').length;
    const max = Number(slider.max);
    const times = [];
    const begin = performance.now();
    for (let k = max - 1; k >= 0; k--) {
      const t = performance.now();
      setValue.call(slider, String(k));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (!label.textContent.startsWith(k + ' ')) await yieldTask();
      if (!label.textContent.startsWith(k + ' ')) throw new Error('the panel did not step to ' + k);
      void document.body.offsetHeight;
      times.push(performance.now() - t);
    }
    const totalMs = performance.now() - begin;
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.ceil(times.length * p) - 1)];
    return { steps: times.length, totalMs, medianMs: q(0.5), p95Ms: q(0.95), chatItemsAtEnd };
  })()`)) as PanelScrub;
}

const OVERLAY_STEPS = 600;

interface OverlaySteps {
  /** Per step: from the slider's input event to the overlay in the DOM, laid out (ms). */
  dom: number[];
  /** Per step: the main thread's work for the frame, paint included (ms). */
  work: number[];
  /** Agents drawn active / visited at the last step (the overlay is really there). */
  active: number;
  visited: number;
}

/**
 * The run's events applied one per frame on the 500-agent canvas (the timeline stepped forward
 * from the start): what the overlay costs per event where it is drawn.
 */
export async function overlaySteps(
  page: Page,
  onTrace?: (trace: ChromeTrace) => void,
  zoomInClicks = 0,
): Promise<OverlaySteps> {
  const doc = benchDocument();
  await page.route('**/examples/bench-500.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: doc }),
  );
  await page.goto(`http://127.0.0.1:${PORT}/?example=bench-500.json`);
  await page.waitForFunction(() => performance.getEntriesByName('canvas-ready').length > 0, null, {
    timeout: 60_000,
  });
  await importRunFile(page);
  // The camera stays where the graph is in view: following the active agent would pan (and
  // zoom in) on every handoff, and the figure would be the camera's, not the overlay's.
  await page.evaluate(`(() => {
    const slider = document.querySelector('.timeline input[type=range]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setValue.call(slider, '40');
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await page.getByLabel('Follow active agent').uncheck();
  await page.locator('.react-flow__controls-fitview').click();
  for (let i = 0; i < zoomInClicks; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(500);
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: FRAME_CATEGORIES });
  const result = (await page.evaluate(`(async () => {
    const slider = document.querySelector('.timeline input[type=range]');
    const label = document.querySelector('.timeline__count');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((r) => requestAnimationFrame(() => {
      const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0);
    }));
    const step = async (k) => {
      const t = performance.now();
      setValue.call(slider, String(k));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      if (!label.textContent.startsWith(k + ' ')) throw new Error('the panel did not step to ' + k);
      void document.body.offsetHeight;
      const dom = performance.now() - t;
      await frame();
      return dom;
    };
    await step(0);
    const dom = [];
    for (let k = 1; k <= ${OVERLAY_STEPS}; k++) dom.push(await step(k));
    return {
      dom,
      active: document.querySelectorAll('.react-flow__node [data-trace=active]').length,
      visited: document.querySelectorAll('.react-flow__node [data-trace=visited]').length,
    };
  })()`)) as Omit<OverlaySteps, 'work'>;
  const trace = JSON.parse((await browser.stopTracing()).toString()) as ChromeTrace;
  onTrace?.(trace);
  return { ...result, work: workPerFrame(trace.traceEvents, 'input') };
}

/** Milliseconds, or microseconds below 0.1 ms. */
const time = (n: number): string => (n < 0.1 ? `${(n * 1000).toFixed(1)} µs` : ms(n));

function rows(where: string, f: TraceFigures) {
  return [
    {
      measure: `event → trace state (${where})`,
      median: time(f.eventMedianMs),
      p95: time(f.eventP95Ms),
      rate: '',
      target: '< 5 ms median',
    },
    {
      measure: `scrub end → start, state + chat (${where})`,
      median: time(f.scrubMedianMs),
      p95: time(f.scrubP95Ms),
      rate: `${Math.round(f.scrubStepsPerSecond).toLocaleString('en')} steps/s`,
      target: '≥ 60 steps/s',
    },
  ];
}

export async function benchTrace(): Promise<void> {
  console.log(`\n## Trace (${AGENTS} agents, ${EVENTS.toLocaleString('en')} events)`);
  const events = syntheticRun(AGENTS, EVENTS);
  measureTrace(events);
  const node = measureTrace(events);

  const bundle = await reducerBundle();
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', DIST, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  const server = await startPreview(PORT, DIST);
  try {
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.setContent('<!doctype html><title>trace bench</title>');
      await page.addScriptTag({ content: bundle });
      const inBrowser = (await page.evaluate(
        `globalThis.__benchTrace(${AGENTS}, ${EVENTS})`,
      )) as TraceFigures;
      await page.close();
      const panelPage = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      const panel = await panelScrub(panelPage);
      await panelPage.close();
      const overlayPage = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await overlayPage.addInitScript('window.__name = (f) => f');
      const overlay = await overlaySteps(overlayPage);
      await overlayPage.close();
      const nearPage = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await nearPage.addInitScript('window.__name = (f) => f');
      // Zoomed in to about 100 % (12 steps of 1.2× from the fitted view).
      const near = await overlaySteps(nearPage, undefined, 12);
      const dom = overlay.dom.sort((a, b) => a - b);
      const work = overlay.work.sort((a, b) => a - b);
      const nearDom = near.dom.sort((a, b) => a - b);
      const nearWork = near.work.sort((a, b) => a - b);
      const q = (xs: number[], p: number) =>
        xs[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;
      table([
        ...rows('Node', node),
        ...rows('Chromium', inBrowser),
        {
          measure: `Run panel scrub end → start (Chromium, DOM + layout, ${panel.chatItemsAtEnd} chat items)`,
          median: ms(panel.medianMs),
          p95: ms(panel.p95Ms),
          rate: `${Math.round((panel.steps / panel.totalMs) * 1000).toLocaleString('en')} steps/s`,
          target: '≥ 60 steps/s',
        },
        {
          measure: `event → overlay in the DOM, laid out (whole graph in view, ${dom.length} steps)`,
          median: ms(q(dom, 0.5)),
          p95: ms(q(dom, 0.95)),
          rate: '',
          target: '< 5 ms median',
        },
        {
          measure: `event → overlay painted: main-thread work of its frame (${work.length})`,
          median: ms(q(work, 0.5)),
          p95: ms(q(work, 0.95)),
          rate: '',
          target: '< 5 ms median',
        },
        {
          measure: `event → overlay in the DOM, laid out (zoomed in, ${nearDom.length} steps)`,
          median: ms(q(nearDom, 0.5)),
          p95: ms(q(nearDom, 0.95)),
          rate: '',
          target: '< 5 ms median',
        },
        {
          measure: `event → overlay painted, zoomed in: work of its frame (${nearWork.length})`,
          median: ms(q(nearWork, 0.5)),
          p95: ms(q(nearWork, 0.95)),
          rate: '',
          target: '< 5 ms median',
        },
      ]);
      console.log(
        `overlay after ${OVERLAY_STEPS} events: ${overlay.active} agent active, ` +
          `${overlay.visited} visited (drawn on the canvas)`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTrace();
