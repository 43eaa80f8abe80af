// Times the monitoring report on a running server signed in as the development editor: the page
// and the JSON for the default semester and for a whole year, and the daily cron (which writes
// the open opportunities of the day before) through wrangler's `/__scheduled`. Median and 95th
// percentile of N requests, one at a time. Asserts nothing.
//   node scripts/monitoring-bench.mjs http://127.0.0.1:8799 [30] [year]   (year: only the year's page)
const [base = "http://127.0.0.1:8787", n = "30", only] = process.argv.slice(2);
const count = Number(n);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const signIn = await fetch(`${base}/api/v1/session`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: base },
  body: JSON.stringify({ email: "redazione@sito-giovani.test", password: "demo-redazione-2026" }),
});
if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
const cookie = signIn.headers.get("set-cookie").split(";")[0];

const day = (d) => d.toISOString().slice(0, 10);
const today = new Date();
const yearAgo = new Date(today.getTime() - 365 * 86_400_000);
const year = `?dal=${day(yearAgo)}&al=${day(today)}`;

async function time(label, path, headers = { cookie }) {
  const times = [];
  let status = 0;
  let size = 0;
  for (let i = 0; i < count + 2; i++) {
    const start = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    const body = await response.arrayBuffer();
    const ms = performance.now() - start;
    status = response.status;
    size = body.byteLength;
    if (i >= 2) times.push(ms); // the first two warm the isolate
  }
  console.log(`${label.padEnd(44)} ${String(status).padEnd(4)} ${(size / 1024).toFixed(1).padStart(7)} KB   median ${median(times).toFixed(1).padStart(6)} ms   p95 ${p95(times).toFixed(1).padStart(6)} ms   (n=${times.length})`);
}

if (only === "year") {
  await time("page, the last 365 days", `/redazione/monitoraggio${year}`);
  process.exit(0);
}
console.log(`monitoring report on ${base}, ${count} requests each`);
await time("page, default semester", "/redazione/monitoraggio");
await time("page, the last 365 days", `/redazione/monitoraggio${year}`);
await time("page, the last 365 days, Crema", `/redazione/monitoraggio${year}&territorio=crema`);
await time("JSON, the last 365 days", `/redazione/monitoraggio.json${year}`);
await time("daily cron (purge + open_daily)", "/__scheduled?cron=17+3+*+*+*", {});
await time("page, the last 365 days, after the cron", `/redazione/monitoraggio${year}`);
