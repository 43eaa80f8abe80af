import { expect, test } from "@playwright/test";
import { editorHeaders, head, headersAs, opportunityInput, pull, putOpportunity, uniqueId } from "../support";

test("health answers with the protocol version", async ({ request }) => {
  const response = await request.get("/api/v1/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", protocol: 1 });
});

test("a new phone pulling from zero gets every published item, in sequence order", async ({ request }) => {
  const id = uniqueId("from-empty");
  const written = await putOpportunity(request, id, opportunityInput({ title: "Tirocinio in biblioteca" }));
  let cursor = 0;
  const seqs: number[] = [];
  let found: Record<string, unknown> | undefined;
  for (;;) {
    const page = await pull(request, cursor);
    expect(page.protocol).toBe(1);
    for (const change of page.changes) {
      seqs.push(change.seq);
      if (change.id === id) found = change.item;
    }
    cursor = page.cursor;
    if (!page.more) break;
  }
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(cursor).toBeGreaterThanOrEqual(written.seq);
  expect(found).toMatchObject({ id, version: 1, title: "Tirocinio in biblioteca", district: "crema" });
  // Markdown was rendered and sanitised once, by the worker.
  expect(found?.description_html).toContain("<strong>lettura</strong>");
});

test("paging with a small limit visits every change once", async ({ request }) => {
  const start = await head(request);
  const ids = [1, 2, 3, 4, 5].map((n) => uniqueId(`page-${n}`));
  for (const id of ids) await putOpportunity(request, id);
  const seen: string[] = [];
  let cursor = start;
  let requests = 0;
  for (;;) {
    const page = await pull(request, cursor, 2);
    requests += 1;
    expect(page.changes.length).toBeLessThanOrEqual(2);
    seen.push(...page.changes.map((c) => c.id));
    cursor = page.cursor;
    if (!page.more) break;
  }
  expect(seen).toEqual(ids);
  expect(requests).toBe(3);
});

test("after a change, an up-to-date phone gets just that change", async ({ request }) => {
  const id = uniqueId("incremental");
  const created = await putOpportunity(request, id);
  const cursor = await head(request);
  const updated = await putOpportunity(
    request,
    id,
    opportunityInput({ title: "Servizio Civile: posti aumentati" }),
    created.version,
  );
  expect(updated.version).toBe(2);
  const page = await pull(request, cursor);
  expect(page.changes.map((c) => [c.id, c.version])).toEqual([[id, 2]]);
  expect(page.changes[0].item?.title).toBe("Servizio Civile: posti aumentati");
  expect(page.cursor).toBe(updated.seq);
});

test("an unchanged feed costs one small reply", async ({ request }) => {
  const cursor = await head(request);
  const response = await request.get(`/api/v1/sync?since=${cursor}`);
  const body = await response.body();
  expect(JSON.parse(body.toString())).toEqual({ protocol: 1, cursor, more: false, changes: [] });
  expect(body.length).toBeLessThan(500);
  expect(response.headers()["cache-control"]).toBe("no-store");
});

test("a deletion reaches phones as a tombstone", async ({ request }) => {
  const id = uniqueId("tombstone");
  const created = await putOpportunity(request, id);
  const cursor = await head(request);
  const response = await request.delete(`/api/v1/opportunities/${id}`, {
    headers: { ...(await editorHeaders(request)), "if-match": `"${created.version}"` },
  });
  expect(response.status()).toBe(200);
  const page = await pull(request, cursor);
  expect(page.changes).toEqual([
    { seq: page.cursor, kind: "opportunity", id, version: 2, deleted: true },
  ]);
  expect((await request.get(`/api/v1/opportunities/${id}`)).status()).toBe(404);
});

test("a stale edit gets 409 with the current copy and overwrites nothing", async ({ request }) => {
  const id = uniqueId("conflict");
  await putOpportunity(request, id);
  await putOpportunity(request, id, opportunityInput({ title: "Prima modifica" }), 1);
  const stale = await request.put(`/api/v1/opportunities/${id}`, {
    data: opportunityInput({ title: "Modifica in ritardo" }),
    headers: { ...(await editorHeaders(request)), "if-match": '"1"' },
  });
  expect(stale.status()).toBe(409);
  expect(stale.headers()["content-type"]).toContain("application/problem+json");
  const problem = await stale.json();
  expect(problem).toMatchObject({ code: "version_conflict", current_version: 2 });
  expect(problem.current.title).toBe("Prima modifica");
  const now = await (await request.get(`/api/v1/opportunities/${id}`)).json();
  expect(now.title).toBe("Prima modifica");
});

test("a cursor older than purged tombstones is told to reset and gets the feed from zero", async ({ request }) => {
  const oldCursor = await head(request);
  const id = uniqueId("purged");
  const created = await putOpportunity(request, id);
  await request.delete(`/api/v1/opportunities/${id}`, {
    headers: { ...(await editorHeaders(request)), "if-match": `"${created.version}"` },
  });
  const survivor = uniqueId("survivor");
  await putOpportunity(request, survivor);

  const purge = await request.post("/api/v1/admin/tombstones/purge?older_than_days=0", {
    headers: await headersAs(request, "admin"),
  });
  expect(purge.status()).toBe(200);
  expect((await purge.json()).purged).toBeGreaterThanOrEqual(1);

  const page = await pull(request, oldCursor);
  expect(page.reset).toBe(true);
  expect(page.changes.some((c) => c.id === survivor)).toBe(true);
  expect(page.changes.some((c) => c.id === id)).toBe(false);

  const foreign = await pull(request, (await head(request)) + 1000);
  expect(foreign.reset).toBe(true);
});
