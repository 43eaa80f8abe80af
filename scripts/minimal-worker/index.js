// The smallest worker that answers like ours under load: a GET answers about 300 KB of JSON
// (the size of a first pull of the demo feed); a POST reads its JSON body, spends a little CPU,
// and answers a small JSON. `scripts/load-bench.mjs --minimal` runs against it to tell the dev
// runtime's own errors from ours (README "Under load").
const feed = JSON.stringify({ changes: Array.from({ length: 120 }, (_, i) => ({ seq: i, item: "x".repeat(2_500) })) });

export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response(feed, { headers: { "content-type": "application/json" } });
    const body = await request.json();
    let x = 0;
    for (let i = 0; i < 200_000; i += 1) x = (x * 31 + i) % 1_000_003;
    return Response.json({ ok: true, x, size: JSON.stringify(body).length });
  },
};
