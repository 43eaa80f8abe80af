// Prints the figures of DESIGN.md "Budgets" that this build can measure. Nothing is asserted:
// these machines are noisy, so the numbers are for reading, and for ratios against the budgets.
//   node scripts/figures.mjs        (run by `make figures`, after `make build`)
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync, openSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const port = 8790;
const base = `http://127.0.0.1:${port}`;
const state = ".wrangler/figures-state";

// The dev server closes idle keep-alive connections; a request that finds its socket closed
// is sent again once.
async function get(url, options) {
  try {
    return await fetch(url, options);
  } catch {
    return fetch(url, options);
  }
}

const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (cells) => console.log(cells.map((c, i) => String(c).padEnd(i ? 12 : 34)).join(""));

// 1. First load: each page (the portal's everyday pages, portale.html; the whole portal,
// index.html; the CV tool, cv.html; the proposals,
// proposte.html) and what it pulls in before first paint.
for (const page of ["portale.html", "index.html", "cv.html", "proposte.html"].filter((p) => existsSync(`dist/${p}`))) {
  console.log(`\n== First load of dist/${page}, budget 250 KB compressed`);
  const html = readFileSync(`dist/${page}`);
  const assets = [...html.toString().matchAll(/\/([\w.-]+\.(?:js|wasm|css))\b/g)]
    .map((m) => m[1])
    .filter((f) => f !== "sw.js");
  const files = [page, ...new Set(assets)];
  row(["file", "raw", "gzip", "brotli"]);
  const totals = [0, 0, 0];
  for (const f of files) {
    const b = readFileSync(`dist/${f}`);
    const sizes = [b.length, gzip(b), brotli(b)];
    sizes.forEach((s, i) => (totals[i] += s));
    row([f, ...sizes.map(kb)]);
  }
  row(["total", ...totals.map(kb)]);
  console.log(`brotli total / budget: ${(totals[2] / (250 * 1024)).toFixed(2)}`);
}

// 2. wrangler dev: time to first answer, on a fresh local D1 holding 2,000 opportunities.
console.log("\n== wrangler dev (workerd + local D1)");
rmSync(state, { recursive: true, force: true });
execFileSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { stdio: "ignore" });
mkdirSync("target", { recursive: true });
writeFileSync(
  "target/seed-2000.sql",
  execFileSync("cargo", ["run", "-q", "-p", "sito-devtools", "--bin", "seed", "--", "synthetic", "2000"], {
    maxBuffer: 64 << 20,
  }),
);
execFileSync("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", "target/seed-2000.sql"], { stdio: "ignore" });
writeFileSync("target/seed-accounts.sql", execFileSync("cargo", ["run", "-q", "-p", "sito-devtools", "--bin", "seed", "--", "accounts"]));
execFileSync("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", "target/seed-accounts.sql"], { stdio: "ignore" });

const started = performance.now();
const server = spawn(
  "wrangler",
  ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", "0",
   "--persist-to", state, "--var", `PUBLIC_ORIGIN:${base}`, "--show-interactive-dev-session=false"],
  // The server's own log, to read when a figure is missing.
  { stdio: ["ignore", openSync("target/figures-wrangler.log", "w"), openSync("target/figures-wrangler.log", "a")], detached: true },
);
try {
  for (;;) {
    try {
      if ((await get(`${base}/api/v1/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`time to first answer: ${((performance.now() - started) / 1000).toFixed(2)} s`);

  // 3. Pull of 2,000 opportunities from empty, as a new phone does.
  console.log("\n== Sync: pull of 2,000 opportunities from empty (budget ≤ 3 requests, ≤ 200 KB compressed)");
  let cursor = 0, requests = 0, raw = 0, gz = 0, br = 0, items = 0;
  for (;;) {
    const body = Buffer.from(await (await get(`${base}/api/v1/sync?since=${cursor}`)).arrayBuffer());
    const page = JSON.parse(body);
    requests += 1; raw += body.length; gz += gzip(body); br += brotli(body); items += page.changes.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  console.log(`requests: ${requests}, changes: ${items}, JSON per item: ${(raw / items).toFixed(0)} B`);
  console.log(`bytes: raw ${kb(raw)}, gzip ${kb(gz)}, brotli ${kb(br)} (brotli / budget: ${(br / (200 * 1024)).toFixed(2)})`);

  // The synthetic items repeat themselves and compress far better than real text: the demo
  // content's ratio is the honest one to apply.
  const demo = Buffer.from(
    JSON.stringify(JSON.parse(readFileSync("content/demo/opportunities.json", "utf8"))),
  );
  const ratio = demo.length / brotli(demo);
  console.log(`demo content compresses ${ratio.toFixed(1)}x with brotli; 2,000 such items ≈ ${kb(raw / ratio)} (≈ ${(raw / ratio / (200 * 1024)).toFixed(2)} of budget)`);

  // 4. A pull with nothing new.
  const noChange = await get(`${base}/api/v1/sync?since=${cursor}`);
  const noChangeBody = Buffer.from(await noChange.arrayBuffer());
  const headerBytes = [...noChange.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 17);
  console.log(`\n== Sync: no-change pull (budget one request, ≤ 500 B)`);
  console.log(`body ${noChangeBody.length} B, with status line and headers ≈ ${noChangeBody.length + headerBytes} B`);

  // 5. The app on a phone-sized Chromium: time to content on the first visit (network), then on
  // repeat visits with the network off (service worker + IndexedDB).
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "it-IT" });
    const page = await context.newPage();
    const contentAt = async () => {
      await page.locator('[data-testid="opportunity-list"] .card').first().waitFor();
      return page.evaluate(() => performance.now());
    };
    await page.goto(`${base}/opportunita`);
    const first = await contentAt();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
    });
    await page.getByTestId("sync-status").filter({ hasText: "Aggiornato" }).waitFor({ timeout: 60_000 });
    await context.setOffline(true);
    const runs = [];
    for (let i = 0; i < 7; i += 1) {
      await page.goto(`${base}/opportunita`);
      runs.push(await contentAt());
    }
    runs.sort((a, b) => a - b);
    console.log(`\n== App in Chromium, 360×740, 2,000 opportunities on the device`);
    console.log(`first visit (network, cold cache): content at ${first.toFixed(0)} ms after navigation start`);
    console.log(`repeat visit offline: content at ${runs[3].toFixed(0)} ms (median of 7; min ${runs[0].toFixed(0)}, max ${runs[6].toFixed(0)}; budget 300 ms → ${(runs[3] / 300).toFixed(2)})`);
  } finally {
    await browser.close();
  }

  // 6. Lighthouse on the home and list pages.
  execFileSync("node", ["scripts/lighthouse.mjs", base], { stdio: "inherit" });

  // 7. The editors' desk over 2,000 entries: full-text search and a filtered list (D1 FTS5).
  const signIn = await get(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "redazione@sito-giovani.test", password: "demo-redazione-2026" }),
  });
  const cookie = signIn.headers.get("set-cookie").split(";")[0];
  const signInTimes = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await get(`${base}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "redazione@sito-giovani.test", password: "demo-redazione-2026" }),
    });
    signInTimes.push(performance.now() - t0);
  }
  signInTimes.sort((a, b) => a - b);
  console.log(`\n== Sign-in (PBKDF2-SHA256, 100,000 rounds in WebCrypto): median ${signInTimes[3].toFixed(0)} ms of 7`);
  const editor = { cookie, origin: base };
  console.log("\n== Desk over 2,000 entries (median of 15 requests, local workerd + D1)");
  for (const query of ["q=tirocinio", "q=volontariato%20crema&stato=published", "tipo=opportunities&territorio=crema&scadenza_entro=2027-12-31", ""]) {
    const times = [];
    let count = 0;
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const body = await (await get(`${base}/api/v1/desk/entries?${query}`, { headers: editor })).json();
      times.push(performance.now() - t0);
      count = body.items.length;
    }
    times.sort((a, b) => a - b);
    console.log(`${(query || "(no filter)").padEnd(60)} ${times[7].toFixed(1)} ms, ${count} rows on the first page`);
  }

  // 8. Twenty items changed by an editor, then one pull.
  const page = JSON.parse(await (await get(`${base}/api/v1/sync?since=0&limit=20`)).text());
  for (const change of page.changes) {
    const item = change.item;
    const input = {
      kind: item.kind, title: `${item.title} (aggiornato)`, organisation: item.organisation,
      district: item.district, place: item.place, summary: item.summary, description_md: "Aggiornato.",
      how_to_apply: item.how_to_apply,
    };
    await get(`${base}/api/v1/opportunities/${item.id}`, {
      method: "PUT",
      headers: { ...editor, "content-type": "application/json", "if-match": `"${item.version}"` },
      body: JSON.stringify(input),
    });
  }
  const delta = Buffer.from(await (await get(`${base}/api/v1/sync?since=${cursor}`)).arrayBuffer());
  const deltaPage = JSON.parse(delta);
  console.log(`\n== Sync: 20 changed items (budget one request)`);
  console.log(`requests: 1, changes: ${deltaPage.changes.length}, more: ${deltaPage.more}, bytes: raw ${kb(delta.length)}, brotli ${kb(brotli(delta))}`);
} finally {
  process.kill(-server.pid, "SIGTERM");
}

// 9. The fault-injection run of the last `make test` (tests/api/faults.spec.ts).
if (existsSync("target/fault-injection.json")) {
  const f = JSON.parse(readFileSync("target/fault-injection.json", "utf8"));
  console.log(`\n== Proposals through a worker disturbing ${f.fault_percent}% of requests (last test run)`);
  console.log(`submit sequences: ${f.sequences}, requests: ${f.attempts} (${(f.attempts / f.sequences).toFixed(2)} per proposal)`);
  console.log(`faults: ${f.faults.refused} refused, ${f.faults["answer-lost"]} answers lost after the write, ${f.faults.delayed} delayed`);
  console.log(`proposals stored: ${f.stored}, lost: ${f.lost}, duplicated: ${f.duplicated}`);
}
if (existsSync("target/fault-injection-app.json")) {
  const f = JSON.parse(readFileSync("target/fault-injection-app.json", "utf8"));
  console.log(`\n== The app's outbox through a worker disturbing ${f.fault_percent}% of requests (last test run)`);
  console.log(`proposals sent from the phone: ${f.proposals}, POSTs: ${f.posts}`);
  console.log(`faults: ${f.faults.refused} refused, ${f.faults["answer-lost"]} answers lost after the write, ${f.faults.delayed} delayed`);
  console.log(`proposals stored: ${f.stored}, lost: ${f.lost}, duplicated: ${f.duplicated}`);
}
