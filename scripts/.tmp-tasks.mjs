import { chromium } from "@playwright/test";
const base = process.argv[2] || "http://127.0.0.1:8792";
const path = process.argv[3] || "/opportunita";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium" });
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
if (process.env.PROFILE) await cdp.send("Profiler.enable"), await cdp.send("Profiler.setSamplingInterval", { interval: 200 }), await cdp.send("Profiler.start");
await page.addInitScript(() => {
  window.__tasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => { if (document.documentElement.dataset.app && !window.__running) window.__running = Math.round(performance.now()); }).observe(document.documentElement, { attributes: true });
});
const t0 = Date.now();
const reqs = [];
page.on("requestfinished", (r) => { const t = r.timing(); reqs.push([r.url().replace(base, ""), Math.round(t.startTime - 0), Math.round(t.responseEnd)]); });
page.on("console", (m) => console.log("console:", m.text()));
await page.goto(base + path);
await page.waitForTimeout(12000);
const res = await page.evaluate(() => ({ tasks: window.__tasks, running: window.__running, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime, nav: performance.timing.navigationStart }));
console.log("fcp", Math.round(res.fcp), "running at", res.running);
let tbt = 0;
for (const [s, d] of res.tasks) { tbt += Math.max(0, d - 50); console.log("task", s, d); }
console.log("TBT(4x real)", tbt);
for (const r of reqs) if (r[0].includes("api") || r[0].includes("wasm")) console.log("req", r[0].slice(0, 60), Math.round(r[1] - res.nav), r[2]);
if (process.env.PROFILE) {
  const { profile } = await cdp.send("Profiler.stop");
  const fs = await import("node:fs");
  fs.writeFileSync("/tmp/prof/profile.cpuprofile", JSON.stringify(profile));
}
await browser.close();
