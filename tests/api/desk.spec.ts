import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { accounts, editorHeaders, guideInput, head, opportunityInput, pull, uniqueId, uniqueWord } from "../support";

async function save(
  request: APIRequestContext,
  plural: string,
  id: string,
  body: Record<string, unknown>,
  version?: number,
) {
  const headers: Record<string, string> = { ...(await editorHeaders(request)) };
  if (version !== undefined) headers["if-match"] = `"${version}"`;
  return request.put(`/api/v1/desk/entries/${plural}/${id}`, { data: body, headers });
}

async function feedHas(request: APIRequestContext, since: number, id: string) {
  const page = await pull(request, since);
  return page.changes.filter((c) => c.id === id);
}

test("draft, publish, edit, retire: only what is published reaches the feed, and every step is in the audit log", async ({ request }) => {
  const since = await head(request);
  const id = uniqueId("flusso");
  const draft = await save(request, "opportunities", id, { action: "draft", input: opportunityInput({ title: "Bozza di tirocinio" }) });
  expect(draft.status()).toBe(201);
  expect(await draft.json()).toMatchObject({ status: "draft", version: 1, updated_by: accounts.editor.email });
  expect(await feedHas(request, since, id)).toEqual([]);
  expect((await request.get(`/api/v1/opportunities/${id}`)).status()).toBe(404);

  const published = await save(request, "opportunities", id, { action: "publish", input: opportunityInput({ title: "Tirocinio pubblicato" }) }, 1);
  expect((await published.json()).status).toBe("published");
  const live = await request.get(`/api/v1/opportunities/${id}`);
  expect(await live.json()).toMatchObject({ title: "Tirocinio pubblicato", version: 2, published_by: "Informagiovani Cremona" });

  // A stale save is refused with the stored copy, so the editor can compare.
  const stale = await save(request, "opportunities", id, { action: "publish", input: opportunityInput({ title: "Vecchia base" }) }, 1);
  expect(stale.status()).toBe(409);
  const conflict = await stale.json();
  expect(conflict.current_version).toBe(2);
  expect(conflict.current.input.title).toBe("Tirocinio pubblicato");

  const retired = await save(request, "opportunities", id, { action: "retire", input: opportunityInput({ title: "Tirocinio pubblicato" }) }, 2);
  expect((await retired.json()).status).toBe("retired");
  const changes = await feedHas(request, since, id);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ deleted: true, version: 3 });

  const history = await request.get(`/api/v1/desk/entries/opportunities/${id}/history`, { headers: await editorHeaders(request) });
  const lines = (await history.json()) as { action: string; actor: string; before: { status: string } | null; after: { status: string } }[];
  expect(lines.map((l) => l.action)).toEqual(["retire", "publish", "save_draft"]);
  expect(lines.every((l) => l.actor === accounts.editor.email)).toBe(true);
  expect(lines[0].before?.status).toBe("published");
  expect(lines[0].after.status).toBe("retired");
  expect(lines[2].before).toBeNull();
});

test("a scheduled item stays off the phones until its time, then arrives by itself", async ({ request }) => {
  const since = await head(request);
  const id = uniqueId("programmata");
  const at = new Date(Date.now() + 3_000).toISOString();
  const scheduled = await save(request, "guides", id, { action: "schedule", publish_at: at, input: guideInput({ title: "Guida programmata" }) });
  expect(scheduled.status(), await scheduled.text()).toBe(201);
  expect(await scheduled.json()).toMatchObject({ status: "scheduled" });
  expect(await feedHas(request, since, id)).toEqual([]);

  const past = await save(request, "guides", uniqueId("passato"), { action: "schedule", publish_at: "2020-01-01T00:00:00Z", input: guideInput() });
  expect(past.status()).toBe(422);
  expect((await past.json()).errors[0]).toMatchObject({ field: "publish_at", code: "in_the_past" });

  // Three seconds on, with no one touching it, the next pull carries it.
  await expect.poll(async () => (await feedHas(request, since, id)).length, { timeout: 15_000 }).toBe(1);
  const changes = await feedHas(request, since, id);
  expect(changes[0].item).toMatchObject({ title: "Guida programmata" });
  const entry = await request.get(`/api/v1/desk/entries/guides/${id}`, { headers: await editorHeaders(request) });
  expect((await entry.json()).status).toBe("published");
});

test("the desk list searches the full text and filters by kind, status, district and deadline", async ({ request }) => {
  const word = uniqueWord();
  const a = uniqueId("cerca-a");
  const b = uniqueId("cerca-b");
  await save(request, "opportunities", a, {
    action: "publish",
    input: opportunityInput({ district: "crema", deadline: "2027-01-15", description_md: `Laboratorio di ${word} in biblioteca.` }),
  });
  await save(request, "opportunities", b, {
    action: "draft",
    input: opportunityInput({ district: "cremona", deadline: "2027-06-30", summary: `Corso serale di ${word}.` }),
  });
  const list = async (query: string) => {
    const response = await request.get(`/api/v1/desk/entries?${query}`, { headers: await editorHeaders(request) });
    expect(response.status()).toBe(200);
    return ((await response.json()).items as { id: string }[]).map((i) => i.id).sort();
  };
  expect(await list(`q=${word}`)).toEqual([a, b].sort());
  // Prefixes and accents are forgiven, as editors type.
  expect(await list(`q=${word.slice(0, 5).toUpperCase()}`)).toEqual([a, b].sort());
  expect(await list(`q=${word}&stato=draft`)).toEqual([b]);
  expect(await list(`q=${word}&territorio=crema`)).toEqual([a]);
  expect(await list(`q=${word}&scadenza_entro=2027-02-01`)).toEqual([a]);
  expect(await list(`q=${word}&tipo=guides`)).toEqual([]);
  const bad = await request.get("/api/v1/desk/entries?stato=boh", { headers: await editorHeaders(request) });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors[0].field).toBe("stato");
});

test("Markdown with script payloads is stored and served with nothing executable left", async ({ request }) => {
  const id = uniqueId("xss");
  const payloads = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[clicca](javascript:alert(3))",
    '<a href="javascript:alert(4)">link</a>',
    "<iframe src=\"https://evil.example\"></iframe>",
    '<svg onload="alert(5)"></svg>',
    "<div style=\"background:url(javascript:alert(6))\">x</div>",
  ];
  const response = await save(request, "news", id, {
    action: "publish",
    input: { title: "Notizia con trappole", summary: "Prova.", body_md: `Testo **vero**.\n\n${payloads.join("\n\n")}`, published_on: "2026-11-22" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const html = (await (await request.get(`/api/v1/news/${id}`)).json()).body_html as string;
  expect(html).toContain("<strong>vero</strong>");
  for (const bad of ["<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "style="]) expect(html.toLowerCase()).not.toContain(bad);
});
