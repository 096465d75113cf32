/**
 * The three window figures, measured in Debian's Chromium (launched as the journeys launch
 * it) against a running host:
 *
 * - `firstListMs`: navigation start to the first frame that shows item rows. An init script
 *   watches the DOM; once a row exists it takes the time in the next animation frame, just
 *   before that frame is painted.
 * - `scrollLongestTaskMs`: the longest task on the page's main thread during 80 wheel steps
 *   through the list (each step waits for `scrollend`, the list then settles with every row
 *   loaded). Read from a Chromium trace rather than a `longtask` PerformanceObserver: the
 *   observer reports only tasks over 50 ms, so under the target it says nothing, while the trace
 *   times every task the renderer's main thread runs (input, scroll, React, fetch answers, GC).
 * - `openItemMs`: a click on a row (the click event's own time stamp) to the frame where the
 *   reader shows that row's title and some content.
 */
import { type Browser, chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures/appTarget';

/** One page load, scroll and open. */
export interface UiFigures {
  firstListMs: number;
  scrollLongestTaskMs: number;
  /** The most CPU time one task took on that thread: the page's own work, without a busy machine's waits. */
  scrollLongestTaskCpuMs: number;
  openItemMs: number;
}

const SCROLL_STEPS = 80;
/** About ten rows a step: a brisk wheel, so every few steps a new page of items is fetched. */
const SCROLL_STEP_PX = 800;
const VIEWPORT = { width: 1280, height: 800 };
// `RunTask` is the name of every task Chromium's scheduler runs; older builds used the longer one.
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** Time the thread was actually running, where the trace records it. */
  tdur?: number;
  args?: { name?: string };
}

/** What the in-page probes leave on `window` for the benchmark to read. */
interface Probe {
  firstRowsAt: number | null;
}

/**
 * The browser globals the in-page functions use, typed here because bench code is checked
 * without the DOM library (it runs in Node; only these functions run in the page).
 */
/** The little of the DOM the probes use (the bench is compiled without the DOM's types). */
interface PageElement {
  querySelector(selector: string): { textContent: string | null } | null;
}

interface PageWindow {
  document: {
    body: object;
    querySelector(selector: string): PageElement | null;
    addEventListener(
      type: 'click',
      listener: (event: { timeStamp: number }) => void,
      options: { capture: boolean; once: boolean },
    ): void;
  };
  MutationObserver: new (callback: () => void) => {
    observe(target: object, options: Record<string, boolean>): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: () => void): number;
  roundsBenchProbe: Probe;
  roundsScrollEnds: { ends: number };
  roundsItemShown: Promise<number>;
}

/** Runs in the page before its own scripts: notes when the first rows reach the screen. */
function watchFirstRows(): void {
  const window = globalThis as unknown as PageWindow;
  const probe: Probe = { firstRowsAt: null };
  window.roundsBenchProbe = probe;
  const observer = new window.MutationObserver(() => {
    if (window.document.querySelector('[role="listbox"] [role="option"]') === null) return;
    observer.disconnect();
    window.requestAnimationFrame(() => {
      probe.firstRowsAt = performance.now();
    });
  });
  observer.observe(window.document, { childList: true, subtree: true });
}

/** Launches the browser the UI figures are taken in. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * One run in a fresh browser context (an empty cache, as a newly opened window): load the page,
 * scroll through the list, open a row. `run` picks which visible row is opened, so each run
 * reads an item it has not read before.
 */
export async function measureUiOnce(
  browser: Browser,
  baseUrl: string,
  run: number,
): Promise<UiFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFirstRows);
    const firstListMs = await timeFirstList(page, baseUrl);
    const list = page.getByRole('region', { name: 'Items' }).getByRole('listbox');
    const longest = await longestTaskWhileScrolling(browser, page, list);
    const openItemMs = await timeOpenItem(page, list, run);
    return {
      firstListMs,
      scrollLongestTaskMs: longest.wallMs,
      scrollLongestTaskCpuMs: longest.cpuMs,
      openItemMs,
    };
  } finally {
    await context.close();
  }
}

async function timeFirstList(page: Page, baseUrl: string): Promise<number> {
  await page.goto(baseUrl, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as PageWindow).roundsBenchProbe.firstRowsAt ?? false,
    undefined,
    { timeout: 0 },
  );
  return (await handle.jsonValue()) as number;
}

async function longestTaskWhileScrolling(
  browser: Browser,
  page: Page,
  list: Locator,
): Promise<LongestTask> {
  const box = await list.boundingBox();
  if (box === null) throw new Error('The item list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await list.evaluate((element) => {
    const counter = { ends: 0 };
    (globalThis as unknown as PageWindow).roundsScrollEnds = counter;
    element.addEventListener('scrollend', () => (counter.ends += 1));
  });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let trace: Buffer;
  try {
    for (let step = 0; step < SCROLL_STEPS; step++) {
      await page.mouse.wheel(0, SCROLL_STEP_PX);
      await page.waitForFunction(
        (ended) => (globalThis as unknown as PageWindow).roundsScrollEnds.ends > ended,
        step,
        { timeout: 0 },
      );
    }
    // The pages of the rows the scroll ended on arrive after it: their rendering counts too.
    await list.locator('.is-placeholder').first().waitFor({ state: 'detached', timeout: 0 });
  } finally {
    trace = await browser.stopTracing();
  }
  return longestRendererTask(trace);
}

/** The longest task of a trace: its duration, and the longest CPU time any task took. */
export interface LongestTask {
  wallMs: number;
  cpuMs: number;
}

/** The longest task on any renderer main thread of a Chromium trace, in milliseconds. */
export function longestRendererTask(trace: Buffer): LongestTask {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const rendererMain = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  if (rendererMain.size === 0) throw new Error('The trace has no renderer main thread');
  let wallUs = 0;
  let cpuUs = 0;
  for (const event of events) {
    if (event.ph !== 'X' || !TASK_EVENTS.has(event.name)) continue;
    if (!rendererMain.has(`${event.pid}:${event.tid}`)) continue;
    wallUs = Math.max(wallUs, event.dur ?? 0);
    cpuUs = Math.max(cpuUs, event.tdur ?? 0);
  }
  return { wallMs: wallUs / 1000, cpuMs: cpuUs / 1000 };
}

async function timeOpenItem(page: Page, list: Locator, run: number): Promise<number> {
  // Rows wholly inside the list's viewport: the overscan rows above and below are in the DOM too.
  const positions = await list.getByRole('option').evaluateAll((rows) => {
    const view = rows[0]?.closest('[role="listbox"]')?.getBoundingClientRect();
    return rows
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return view !== undefined && box.top >= view.top && box.bottom <= view.bottom;
      })
      .map((row) => row.getAttribute('aria-posinset'));
  });
  const position = positions[run % Math.max(positions.length, 1)];
  if (position === undefined || position === null)
    throw new Error('No item row is wholly visible to open');
  const row = list.locator(`[role="option"][aria-posinset="${position}"]`);
  const title = (await row.locator('.item-row-title').textContent()) ?? '';
  // The whole document is watched: the reader's article may be put in afresh when an item opens.
  await page.evaluate((expected) => {
    const window = globalThis as unknown as PageWindow;
    let clickedAt: number | null = null;
    window.document.addEventListener('click', (event) => (clickedAt ??= event.timeStamp), {
      capture: true,
      once: true,
    });
    const shown = new Promise<number>((resolve) => {
      const observer = new window.MutationObserver(() => {
        const element = window.document.querySelector('article[aria-label="Reader"]');
        const heading = element?.querySelector('h1')?.textContent ?? '';
        const content = element?.querySelector('.reader-content')?.textContent ?? '';
        if (clickedAt === null || heading !== expected || content.trim() === '') return;
        observer.disconnect();
        const started = clickedAt;
        window.requestAnimationFrame(() => resolve(performance.now() - started));
      });
      observer.observe(window.document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    window.roundsItemShown = shown;
  }, title);
  await row.click();
  return page.evaluate(() => (globalThis as unknown as PageWindow).roundsItemShown);
}
