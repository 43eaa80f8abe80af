// The long tasks (over 50 ms) of a first visit to a page, with the CPU slowed 4× as Lighthouse's
// mobile preset does, and what happened around them: the first paint, the app taking over, each
// page of the sync feed arriving, and the first sync finished. Asserts nothing.
//   node scripts/long-tasks.mjs http://127.0.0.1:8787/ [runs]
import { chromium } from "@playwright/test";

const url = process.argv[2] ?? "http://127.0.0.1:8787/";
const runs = Number(process.argv[3] ?? 1);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      const seen = (window.__longTasks = []);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) seen.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
      window.__marks = {};
      new MutationObserver(() => {
        if (document.documentElement.dataset.app === "attiva" && !window.__marks.app) window.__marks.app = performance.now();
        const status = document.querySelector("[data-testid=sync-status]");
        if (status && /Aggiornato/.test(status.textContent) && !window.__marks.synced) window.__marks.synced = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__marks.synced, null, { timeout: 120_000 });
    // Quiet: no new long task for 3 s after the sync finished.
    let count = -1;
    for (;;) {
      const now = await page.evaluate(() => window.__longTasks.length);
      if (now === count) break;
      count = now;
      await page.waitForTimeout(3000);
    }
    const { tasks, marks, fcp, feed } = await page.evaluate(() => ({
      tasks: window.__longTasks,
      marks: window.__marks,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      feed: performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/v1/sync"))
        .map((r) => [r.startTime, r.responseEnd, r.transferSize, new URL(r.name).search]),
    }));
    console.log(`\n== ${url} (run ${run}): first paint ${fcp?.toFixed(0)} ms, app running ${marks.app?.toFixed(0)} ms, first sync done ${marks.synced?.toFixed(0)} ms`);
    if (feed.length) {
      const bytes = feed.reduce((s, [, , size]) => s + size, 0);
      console.log(`   feed: ${feed.length} requests (${feed[0][3]} first), ${feed[0][0].toFixed(0)}–${feed[feed.length - 1][1].toFixed(0)} ms, ${bytes} bytes`);
    }
    // Each task is put in the phase it ended in: until the app runs (loading and hydration),
    // until the first sync is done, or after.
    const syncStart = feed[0]?.[0] ?? Infinity;
    const phase = (end) => (end <= marks.app + 1 ? "until the app runs" : end <= syncStart ? "before the first sync" : end <= marks.synced + 1 ? "during the first sync" : "after it");
    const blocking = new Map();
    for (const [start, duration] of tasks) {
      const p = phase(start + duration);
      blocking.set(p, (blocking.get(p) ?? 0) + Math.max(0, duration - 50));
      console.log(`   long task at ${start.toFixed(0).padStart(6)} ms: ${duration.toFixed(0).padStart(4)} ms (${p})`);
    }
    const total = [...blocking.values()].reduce((a, b) => a + b, 0);
    console.log(`   ${tasks.length} long tasks, ${tasks.reduce((s, [, d]) => s + d, 0).toFixed(0)} ms in all, blocking (beyond 50 ms each) ${total.toFixed(0)} ms: ` +
      ([...blocking].map(([p, b]) => `${p} ${b.toFixed(0)} ms`).join(", ") || "none"));
    await context.close();
  }
} finally {
  await browser.close();
}
