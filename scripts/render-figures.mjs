// The first screen's figures (DESIGN.md "Rendering" and "Budgets") for one or more running
// servers, side by side: what a phone downloads before it sees the content, the worker's time
// per rendered page, and Lighthouse (mobile preset, median of 3 runs) on each page and on the
// same page saved as static HTML (its rendered DOM without scripts), measured in the same run.
// Nothing is asserted.
//   node scripts/render-figures.mjs now=http://127.0.0.1:8790 [before=http://127.0.0.1:8791]
import { createServer } from "node:http";
import { brotliCompressSync, constants } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "@playwright/test";

const servers = process.argv.slice(2).map((arg) => {
  const [label, base] = arg.split("=");
  return { label, base };
});
if (!servers.length) throw new Error("usage: render-figures.mjs label=URL [label=URL]");

const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const table = (head, rows) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)) + 2);
  for (const r of [head, ...rows]) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join(""));
};

// The dev server closes idle keep-alive connections; a request that finds its socket closed
// is sent again once.
async function get(url) {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

async function bytes(url) {
  return Buffer.from(await (await get(url)).arrayBuffer());
}

// An opportunity id of each server, for its detail page.
async function someOpportunity(base) {
  const page = await (await get(`${base}/api/v1/sync?since=0&limit=50`)).json();
  return page.changes.find((c) => c.kind === "opportunity" && !c.deleted).id;
}

// 1. Bytes of the first load of `/`.
console.log("\n== First load of / (brotli; budgets: HTML ≤ 30 KB, before content ≤ 50 KB, whole ≤ 250 KB)");
const sizeRows = [];
for (const { label, base } of servers) {
  const html = await bytes(`${base}/`);
  const text = html.toString();
  const assets = [...new Set([...text.matchAll(/(?:href|src)="?\/([\w.-]+\.(css|js|wasm))/g)].map((m) => m[1]))];
  let css = 0, code = 0;
  for (const a of assets) {
    const size = brotli(await bytes(`${base}/${a}`));
    if (a.endsWith(".css")) css += size; else code += size;
  }
  const htmlSize = brotli(html);
  // A page without its content in the HTML shows nothing until the code has run.
  const rendered = text.includes('id="sito-seed"');
  const beforeContent = rendered ? htmlSize + css : htmlSize + css + code;
  sizeRows.push([label, kb(htmlSize), kb(css), kb(code), kb(beforeContent), kb(htmlSize + css + code)]);
}
table(["build", "HTML", "CSS", "JS+wasm", "before content", "whole"], sizeRows);

// 2. The worker's time per rendered page (wall time of local workerd with its local D1, which
// bounds its CPU time from above), 40 requests per page after 5 to warm up.
console.log("\n== Worker time per page (local workerd + D1, wall time, 40 requests: median / p95)");
const pages = async (base) => {
  const id = await someOpportunity(base);
  return ["/", "/opportunita", "/opportunita?territorio=crema&q=tirocinio", `/opportunita/${id}`, "/bandi", "/cerca?q=tirocinio"];
};
const timeRows = [];
for (const { label, base } of servers) {
  for (const path of await pages(base)) {
    const times = [];
    let status = 0;
    for (let i = 0; i < 45; i++) {
      const t0 = performance.now();
      const response = await get(`${base}${path}`);
      await response.arrayBuffer();
      status = response.status;
      if (i >= 5) times.push(performance.now() - t0);
    }
    timeRows.push([label, path, status, `${median(times).toFixed(1)} ms`, `${p95(times).toFixed(1)} ms`]);
  }
}
table(["build", "page", "status", "median", "p95"], timeRows);

// 3. Lighthouse, against the page and against its static copy served beside it.
const statics = new Map();
const staticServer = createServer(async (req, res) => {
  const copy = statics.get(req.url);
  if (copy) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(copy.html);
    return;
  }
  // Styles and icons of the copy come from the server it was taken from.
  const from = [...statics.values()][0]?.base;
  const upstream = await get(`${from}${req.url}`);
  res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
  res.end(Buffer.from(await upstream.arrayBuffer()));
});
await new Promise((resolve) => staticServer.listen(0, "127.0.0.1", resolve));
const staticBase = `http://127.0.0.1:${staticServer.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const audit = async (url) => {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance"], logLevel: "error" });
    runs.push({
      score: Math.round(lhr.categories.performance.score * 100),
      lcp: lhr.audits["largest-contentful-paint"].numericValue / 1000,
      tbt: lhr.audits["total-blocking-time"].numericValue,
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
    });
  }
  return {
    score: median(runs.map((r) => r.score)),
    lcp: median(runs.map((r) => r.lcp)),
    tbt: median(runs.map((r) => r.tbt)),
    cls: median(runs.map((r) => r.cls)),
  };
};
console.log("\n== Lighthouse, mobile preset, median of 3 (budgets: LCP ≤ 1.2 s and ≤ 1.3× static, performance ≥ 95, TBT ≤ 150 ms, CLS 0)");
const lhRows = [];
try {
  for (const { label, base } of servers) {
    const id = await someOpportunity(base);
    for (const path of ["/", "/opportunita", `/opportunita/${id}`, "/bandi"]) {
      // The static copy: the page as a phone shows it once the app has run, without scripts.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.locator("main h1").first().waitFor();
      await page.waitForTimeout(1500);
      const html = (await page.content())
        .replace(/<script\b[\s\S]*?<\/script>/g, "")
        .replace(/<link[^>]+rel="?(modulepreload|preload|manifest)"?[^>]*>/g, "");
      await context.close();
      const key = `/static-copy-${statics.size}`;
      statics.clear();
      statics.set(key, { html, base });
      const app = await audit(`${base}${path}`);
      const copy = await audit(`${staticBase}${key}`);
      lhRows.push([
        label, path.length > 28 ? `${path.slice(0, 26)}…` : path,
        app.score, `${app.lcp.toFixed(2)} s`, `${copy.lcp.toFixed(2)} s`, `${(app.lcp / copy.lcp).toFixed(2)}×`,
        `${app.tbt.toFixed(0)} ms`, app.cls.toFixed(3),
      ]);
    }
  }
} finally {
  await chrome.kill();
  await browser.close();
  staticServer.close();
}
table(["build", "page", "perf", "LCP", "LCP static", "ratio", "TBT", "CLS"], lhRows);
