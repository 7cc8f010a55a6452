/**
 * Designer benchmark (issue 4), in headless Chromium through Playwright on the production build:
 * - time to first render of a generated 500-agent / 2,000-edge document (navigation start to the
 *   canvas's `canvas-ready` mark: nodes measured and fitted);
 * - frame times while dragging a node across it: the main thread's work for each frame a mouse
 *   move caused (from a Chrome trace), and the gaps between animation frames;
 * - time per keystroke in an agent's description, from the input event to the next painted
 *   frame (the store validates the document and the canvas re-renders in between);
 * - the initial JavaScript of the build (gzip), i.e. what loads before anything is lazy.
 * Targets (printed, not asserted): first render < 1.5 s, median frame < 16 ms, keystroke < 30 ms,
 * initial JS < 400 KB gzip.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config';
import { generateDocumentText } from './model';
import { FRAME_CATEGORIES, workPerFrame, type ChromeTrace } from './chromeTrace';
import { ms, table } from './measure';
import { startPreview } from './previewServer';

const PORT = 4318;
const AGENTS = 500;
const EDGES_PER_AGENT = 4;

/** The generated document, laid out on a 25-column grid so that the view shows all of it. */
export function benchDocument(): string {
  const doc = JSON.parse(generateDocumentText(AGENTS, EDGES_PER_AGENT)) as {
    agents: Array<Record<string, unknown>>;
  };
  doc.agents.forEach((agent, i) => {
    agent.position = { x: (i % 25) * 320, y: Math.floor(i / 25) * 200 };
  });
  return JSON.stringify(doc);
}

/** gzip size of the scripts that index.html loads up front (entry and module preloads). */
export function initialScriptBytes(dist = 'dist'): { files: string[]; gzip: number; raw: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzip, raw };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? NaN;

async function firstRender(page: Page): Promise<number> {
  await page.goto(`http://127.0.0.1:${PORT}/?example=bench-500.json`);
  await page.waitForFunction(() => performance.getEntriesByName('canvas-ready').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => performance.getEntriesByName('canvas-ready')[0]!.startTime);
}

/** The node drawn nearest the middle of the canvas. */
async function middleNode(page: Page): Promise<string> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const id = await page.evaluate(
    ([x, y]) => {
      let best = '';
      let distance = Infinity;
      for (const el of document.querySelectorAll('.react-flow__node')) {
        const r = el.getBoundingClientRect();
        const d = Math.hypot(r.x + r.width / 2 - x!, r.y + r.height / 2 - y!);
        const name = el.querySelector('.agent-node')?.getAttribute('data-agent') ?? '';
        if (d < distance) [best, distance] = [name, d];
      }
      return best;
    },
    [pane.x + pane.width / 2, pane.y + pane.height / 2],
  );
  return id;
}

interface DragFigures {
  /** Gaps between animation frames (ms). */
  gaps: number[];
  /** Main-thread work per frame that a move caused (ms). */
  work: number[];
}

async function dragFrames(page: Page, name: string): Promise<DragFigures> {
  const node = page.locator(`.react-flow__node:has(> .agent-node[data-agent="${name}"])`);
  const box = (await node.boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: FRAME_CATEGORIES });
  // Across the whole graph, one small step per frame.
  await page.mouse.move(pane.x + pane.width * 0.8, pane.y + pane.height * 0.8, { steps: 120 });
  const trace = JSON.parse((await browser.stopTracing()).toString()) as ChromeTrace;
  await page.mouse.up();
  const gaps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
  return {
    gaps: gaps.sort((a, b) => a - b),
    work: workPerFrame(trace.traceEvents, 'mousemove').sort((a, b) => a - b),
  };
}

async function keystrokes(page: Page, count: number, name: string): Promise<number[]> {
  await page.locator(`.agent-node[data-agent="${name}"] .agent-node__description`).click();
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Description', {
    exact: true,
  });
  await field.waitFor();
  return field.evaluate(async (el, n) => {
    const textarea = el as HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    const samples: number[] = [];
    const painted = () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    textarea.focus();
    await painted();
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      setter.call(textarea, `${textarea.value}${'abcdefghij'[i % 10]}`);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      await painted();
      samples.push(performance.now() - start);
    }
    return samples;
  }, count);
}

/** Builds the app, serves it, and prints the designer's figures. */
export async function benchDesigner(): Promise<void> {
  console.log(
    `\n## Designer (${AGENTS} agents, ${AGENTS * EDGES_PER_AGENT} handoffs, headless Chromium)`,
  );
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const size = initialScriptBytes();
  const server = await startPreview(PORT);
  const text = benchDocument();
  try {
    const browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    // tsx (esbuild, keepNames) wraps named functions in the evaluated callbacks with `__name`.
    await page.addInitScript('window.__name = (f) => f');
    await page.route('**/examples/bench-500.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: text }),
    );
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) renders.push(await firstRender(page));
    const far = await dragFrames(page, 'agent_0');
    // What editing usually looks like: zoomed to 100 %, only the visible part rendered.
    for (let i = 0; i < 12; i++) await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(300);
    const near = await dragFrames(page, await middleNode(page));
    const keys = (await keystrokes(page, 40, await middleNode(page))).sort((a, b) => a - b);
    await browser.close();
    renders.sort((a, b) => a - b);
    table([
      {
        measure: 'first render (3 loads)',
        median: ms(quantile(renders, 0.5)),
        p95: ms(renders.at(-1)!),
        target: '< 1500 ms',
      },
      ...(
        [
          ['whole graph in view', far],
          ['at 100 % zoom', near],
        ] as const
      ).flatMap(([where, figures]) => [
        {
          measure: `drag, ${where}: work per frame (${figures.work.length})`,
          median: ms(quantile(figures.work, 0.5)),
          p95: ms(quantile(figures.work, 0.95)),
          target: '< 16 ms median',
        },
        {
          measure: `drag, ${where}: rAF gap (${figures.gaps.length})`,
          median: ms(quantile(figures.gaps, 0.5)),
          p95: ms(quantile(figures.gaps, 0.95)),
          target: '(16.7 = every frame)',
        },
      ]),
      {
        measure: `keystroke (${keys.length})`,
        median: ms(quantile(keys, 0.5)),
        p95: ms(quantile(keys, 0.95)),
        target: '< 30 ms',
      },
    ]);
    console.log(
      `initial JS: ${(size.gzip / 1024).toFixed(1)} KB gzip (${(size.raw / 1024).toFixed(0)} KB raw, ` +
        `${size.files.length} file(s); target < 400 KB gzip; elkjs loads on first auto-layout)`,
    );
  } finally {
    server.stop();
  }
}
