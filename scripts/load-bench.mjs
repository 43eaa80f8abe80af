// Load benchmark: against a running dev server, sends 50, 200 and 500 requests at once for a
// pull of the feed, a proposal submission and a desk preview, and prints how many answers came
// back with each status. It asserts nothing: the figures are for reading (README "Under load").
//   make dev                                  (in another terminal: the demo D1 and accounts)
//   node scripts/load-bench.mjs [base-url] [concurrency …] [--minimal]
// Default base http://127.0.0.1:8787, concurrencies 50 200 500. Uses the development accounts.
// `--minimal` sends the same requests, unsigned, to scripts/minimal-worker (a few lines of JS on
// the same dev runtime), to tell the runtime's own errors from ours.
import { randomUUID } from "node:crypto";

const args = process.argv.slice(2);
const minimal = args.includes("--minimal");
const base = args.find((a) => a.startsWith("http")) ?? "http://127.0.0.1:8787";
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const levels = numbers.length ? numbers : [50, 200, 500];
const editor = { email: "redazione@sito-giovani.test", password: "demo-redazione-2026" };
const group = { email: "gruppo@sito-giovani.test", password: "demo-gruppo-2026" };

const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const stamp = (n) => new Date(Date.now() + n * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");

async function signIn({ email, password }) {
  const response = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("sito_session="));
  return { origin: base, cookie: cookie.split(";")[0], "content-type": "application/json" };
}

/** An open call to submit to, published by the editor. */
async function openCall(headers) {
  const id = `bando-carico-${Date.now().toString(36)}`;
  const input = {
    title: "Bando per la prova di carico",
    summary: "Un bando aperto per misurare gli invii.",
    description_md: "Solo per la prova di carico.",
    eligible: "both",
    age_min: 16,
    age_max: 30,
    district: null,
    ceiling: 500_000,
    cofinancing_percent: 20,
    criteria: [{ name: "Coerenza", weight: 100 }],
    opens_at: stamp(-24),
    closes_at: stamp(24 * 30),
    attachments: [],
  };
  const response = await fetch(`${base}/api/v1/calls/${id}`, { method: "PUT", headers, body: JSON.stringify(input) });
  if (response.status !== 201) throw new Error(`call: ${response.status} ${await response.text()}`);
  return id;
}

const proposal = (callId) => ({
  id: randomUUID(),
  revision: 1,
  call_id: callId,
  body: {
    group: { name: "Giovani in Rete", kind: "association", district: "crema", contact_person: "Marta Rossi", members: 8, age_min: 17, age_max: 24 },
    partners: [],
    title: `Carico ${randomUUID().slice(0, 8)}`,
    needs: "Misurare il server sotto carico.",
    objectives: "Nessuna risposta persa.",
    actions: [{ title: "Invio", start: day(40), end: day(50), who: "Il gruppo" }],
    budget: { lines: [{ category: "services", description: "Servizio", quantity: 4, unit_cost: 25_000 }], requested: 80_000 },
    results: "Numeri da leggere.",
    indicators: "Stati delle risposte.",
    reporting: "Questa tabella.",
  },
});

const preview = {
  input: {
    kind: "volunteering",
    title: "Anteprima sotto carico",
    organisation: "Comune di Crema",
    district: "crema",
    summary: "Un'anteprima per la prova di carico.",
    description_md: "## Che cosa farai\n\nPromozione della **lettura**.\n\n".repeat(20),
    how_to_apply: "Scrivi alla biblioteca.",
  },
};

/** How long a request may wait for its answer. */
const TIMEOUT_MS = 60_000;

/** Sends `n` requests at once; returns the count of each status ("network" for no answer). */
async function burst(n, make) {
  const counts = new Map();
  const restarted = { count: 0 };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      let key;
      try {
        const [url, options] = make(i);
        const response = await fetch(url, { ...options, signal: AbortSignal.timeout(TIMEOUT_MS) });
        key = String(response.status);
        const text = await response.text();
        if (response.status === 503 && text.includes("restarted mid-request")) restarted.count += 1;
      } catch (error) {
        key = error.name === "TimeoutError" ? `no answer in ${TIMEOUT_MS / 1000} s` : `network (${error.cause?.code ?? error.message})`;
      }
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }),
  );
  return { counts, restarted: restarted.count, seconds: (performance.now() - started) / 1000 };
}

const json = { origin: base, "content-type": "application/json" };
const editorHeaders = minimal ? json : await signIn(editor);
const groupHeaders = minimal ? json : await signIn(group);
const callId = minimal ? "minimal" : await openCall(editorHeaders);
const kinds = {
  "sync (GET /api/v1/sync?since=0)": () => [`${base}/api/v1/sync?since=0`],
  "submission (POST /api/v1/proposals)": () => [
    `${base}/api/v1/proposals`,
    { method: "POST", headers: groupHeaders, body: JSON.stringify(proposal(callId)) },
  ],
  "preview (POST /api/v1/desk/preview)": () => [
    `${base}/api/v1/desk/preview/opportunities`,
    { method: "POST", headers: editorHeaders, body: JSON.stringify(preview) },
  ],
};

console.log(`Load benchmark against ${base}${minimal ? " (the minimal worker)" : ""} (requests sent at once; nothing asserted)`);
console.log(["requests", "concurrent", "seconds", "answers by status", "of which 503 restarted"].join(" | "));
for (const [name, make] of Object.entries(kinds)) {
  for (const n of levels) {
    const { counts, restarted, seconds } = await burst(n, make);
    const statuses = [...counts.entries()].sort().map(([s, c]) => `${s}×${c}`).join(" ");
    console.log([name, n, seconds.toFixed(1), statuses, restarted].join(" | "));
  }
}
