import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { accounts, d1, headersAs, signIn } from "../support";
import { closeCallAt, newGroup, publishCall, proposalBody, type Receipt, submission } from "../proposals";

interface ListPage {
  proposals: { id: string; protocol: string }[];
  cursor?: number;
  more: boolean;
}

test("a submission repeated by the outbox is one proposal, with one receipt and one timeline entry", async ({ request }) => {
  const callId = await publishCall(request);
  const group = await headersAs(request, "applicant");
  const sent = submission(callId);
  const first = await request.post("/api/v1/proposals", { data: sent, headers: group });
  expect(first.status(), await first.text()).toBe(201);
  const receipt = (await first.json()) as Receipt;
  expect(receipt.protocol).toMatch(/^PG-\d{4}-\d{5}$/);
  expect(receipt).toMatchObject({ id: sent.id, revision: 1, status: "submitted" });
  for (let i = 0; i < 3; i += 1) {
    const replay = await request.post("/api/v1/proposals", { data: sent, headers: group });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(receipt);
  }
  const rows = d1(`SELECT revision, total, requested, title FROM proposals WHERE id = '${sent.id}'`);
  expect(rows).toEqual([{ revision: 1, total: 108_500, requested: 80_000, title: sent.body.title }]);
  expect(d1(`SELECT status FROM proposal_events WHERE proposal_id = '${sent.id}'`)).toEqual([{ status: "submitted" }]);

  const changed = await request.post("/api/v1/proposals", {
    data: { ...sent, body: { ...sent.body, title: "Un altro titolo, stessa revisione" } },
    headers: group,
  });
  expect(changed.status()).toBe(409);
  expect((await changed.json()).code).toBe("revision_conflict");

  const mine = ((await (await request.get("/api/v1/proposals", { headers: group })).json()) as ListPage).proposals;
  expect(mine.filter((p) => p.id === sent.id)).toEqual([expect.objectContaining({ protocol: receipt.protocol })]);
});

test("a group's list comes in pages that follow a cursor; a proposal that changes meanwhile keeps its place", async ({ request }) => {
  const callId = await publishCall(request);
  const group = await newGroup(request);
  const sent: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const one = submission(callId, { title: `Proposta numero ${i + 1} del gruppo` });
    expect((await request.post("/api/v1/proposals", { data: one, headers: group.headers })).status()).toBe(201);
    sent.push(one.id);
  }
  const page = async (query: string) => {
    const response = await request.get(`/api/v1/proposals${query}`, { headers: group.headers });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as ListPage;
  };
  const first = await page("?limit=2");
  expect(first.proposals.map((p) => p.id)).toEqual([sent[4], sent[3]]);
  expect(first.more).toBe(true);
  // The oldest one changes between two pages: it is still found once, where it was.
  expect((await request.post(`/api/v1/proposals/${sent[0]}/withdraw`, { headers: group.headers })).status()).toBe(200);
  const second = await page(`?after=${first.cursor}&limit=2`);
  expect(second.proposals.map((p) => p.id)).toEqual([sent[2], sent[1]]);
  const last = await page(`?after=${second.cursor}&limit=2`);
  expect(last.proposals.map((p) => p.id)).toEqual([sent[0]]);
  expect(last.more).toBe(false);
  expect(last.cursor).toBeUndefined();
  // Without a limit, all five fit in one page.
  expect((await page("")).proposals).toHaveLength(5);

  for (const [query, field, code] of [
    ["?after=-1", "after", "invalid_cursor"],
    ["?limit=0", "limit", "invalid_limit"],
    ["?limit=201", "limit", "invalid_limit"],
    ["?pagina=2", "pagina", "unknown_parameter"],
  ]) {
    const bad = await request.get(`/api/v1/proposals${query}`, { headers: group.headers });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect(await bad.json()).toMatchObject({ code: "invalid_query", errors: [expect.objectContaining({ field, code })] });
  }
});

test("five copies sent at the same moment still make one proposal", async ({ request }) => {
  const callId = await publishCall(request);
  const group = await headersAs(request, "applicant");
  const sent = submission(callId);
  const answers = await Promise.all(Array.from({ length: 5 }, () => request.post("/api/v1/proposals", { data: sent, headers: group })));
  expect(answers.map((a) => a.status()).every((s) => s === 200 || s === 201)).toBe(true);
  const receipts = await Promise.all(answers.map((a) => a.json()));
  expect(new Set(receipts.map((r) => r.protocol)).size).toBe(1);
  expect(d1(`SELECT COUNT(*) AS n FROM proposals WHERE id = '${sent.id}'`)).toEqual([{ n: 1 }]);
  expect(d1(`SELECT COUNT(*) AS n FROM proposal_events WHERE proposal_id = '${sent.id}'`)).toEqual([{ n: 1 }]);
});

test("another group's proposal does not exist for us: read, withdraw and overwrite are all 404", async ({ request, playwright }) => {
  const callId = await publishCall(request);
  const owner = await newGroup(request, "Gruppo che ha scritto la proposta");
  const sent = submission(callId, { needs: "Un bisogno che solo il gruppo proprietario deve leggere." });
  expect((await request.post("/api/v1/proposals", { data: sent, headers: owner.headers })).status()).toBe(201);

  const other = await headersAs(request, "applicant");
  const read = await request.get(`/api/v1/proposals/${sent.id}`, { headers: other });
  expect(read.status()).toBe(404);
  expect(await read.text()).not.toContain("solo il gruppo proprietario");
  expect((await request.post(`/api/v1/proposals/${sent.id}/withdraw`, { headers: other })).status()).toBe(404);
  const overwrite = await request.post("/api/v1/proposals", { data: { ...sent, revision: 2 }, headers: other });
  expect(overwrite.status()).toBe(404);
  const list = ((await (await request.get("/api/v1/proposals", { headers: other })).json()) as ListPage).proposals;
  expect(list.map((p) => p.id)).not.toContain(sent.id);
  expect(d1(`SELECT account_id, revision FROM proposals WHERE id = '${sent.id}'`)).toEqual([{ account_id: owner.id, revision: 1 }]);

  const own = await request.get(`/api/v1/proposals/${sent.id}`, { headers: owner.headers });
  expect(own.status()).toBe(200);
  expect((await own.json()).body.needs).toContain("solo il gruppo proprietario");
  // Staff read proposals through the review desk, not through the groups' endpoint.
  expect((await request.get(`/api/v1/proposals/${sent.id}`, { headers: await headersAs(request, "reviewer") })).status()).toBe(403);
  const anonymous = await playwright.request.newContext({ baseURL: origin });
  expect((await anonymous.get(`/api/v1/proposals/${sent.id}`)).status()).toBe(401);
  await anonymous.dispose();
});

test("after the deadline nothing can be sent or withdrawn, with a clear Italian message", async ({ request }) => {
  const group = await newGroup(request);
  const closedId = await publishCall(request, { opens_at: "2026-01-10T08:00:00Z", closes_at: "2026-02-10T11:00:00Z" });
  const late = submission(closedId);
  const refused = await request.post("/api/v1/proposals", { data: late, headers: group.headers });
  expect(refused.status()).toBe(422);
  const problem = await refused.json();
  expect(problem.code).toBe("call_closed");
  expect(problem.detail).toContain("è chiuso dal 10/02/2026 alle 12:00");
  expect(d1(`SELECT COUNT(*) AS n FROM proposals WHERE id = '${late.id}'`)).toEqual([{ n: 0 }]);

  const futureId = await publishCall(request, { opens_at: "2099-01-01T08:00:00Z", closes_at: "2099-02-01T08:00:00Z" });
  const early = await request.post("/api/v1/proposals", { data: submission(futureId), headers: group.headers });
  expect(early.status()).toBe(422);
  expect((await early.json()).code).toBe("call_not_open");

  // Sent in time; the call then closes: the proposal stays, withdrawing is refused.
  const openId = await publishCall(request);
  const sent = submission(openId);
  expect((await request.post("/api/v1/proposals", { data: sent, headers: group.headers })).status()).toBe(201);
  await closeCallAt(request, openId, "2026-03-01T11:00:00Z", { opens_at: "2026-01-01T08:00:00Z" });
  const withdraw = await request.post(`/api/v1/proposals/${sent.id}/withdraw`, { headers: group.headers });
  expect(withdraw.status()).toBe(422);
  expect((await withdraw.json()).code).toBe("call_closed");
  const replay = await request.post("/api/v1/proposals", { data: sent, headers: group.headers });
  expect(replay.status(), "a replay of what arrived in time still gets its receipt").toBe(200);
  const view = await (await request.get(`/api/v1/proposals/${sent.id}`, { headers: group.headers })).json();
  expect(view).toMatchObject({ status: "submitted", can_withdraw: false, can_resubmit: false });
});

test("before the deadline a group withdraws, edits and sends again; the timeline tells the story", async ({ request }) => {
  const callId = await publishCall(request);
  const group = await newGroup(request);
  const sent = submission(callId);
  const first = (await (await request.post("/api/v1/proposals", { data: sent, headers: group.headers })).json()) as Receipt;
  const again = await request.post("/api/v1/proposals", { data: { ...sent, revision: 2 }, headers: group.headers });
  expect(again.status(), "a sent proposal must be withdrawn before it changes").toBe(409);
  expect((await again.json()).code).toBe("already_submitted");

  const withdrawn = await request.post(`/api/v1/proposals/${sent.id}/withdraw`, { headers: group.headers });
  expect(withdrawn.status()).toBe(200);
  expect(await withdrawn.json()).toMatchObject({ status: "withdrawn", can_resubmit: true, can_withdraw: false });

  const edited = { ...sent, revision: 2, body: { ...sent.body, title: `${sent.body.title} (rivisto)` } };
  const second = await request.post("/api/v1/proposals", { data: edited, headers: group.headers });
  expect(second.status()).toBe(200);
  const receipt = (await second.json()) as Receipt;
  expect(receipt).toMatchObject({ protocol: first.protocol, revision: 2, status: "submitted" });
  const view = await (await request.get(`/api/v1/proposals/${sent.id}`, { headers: group.headers })).json();
  expect(view.body.title).toBe(edited.body.title);
  expect(view.timeline.map((e: { status: string; revision?: number }) => `${e.status}:${e.revision}`)).toEqual([
    "submitted:1",
    "withdrawn:1",
    "submitted:2",
  ]);
});

test("bad, malformed and oversize proposals get 4xx with field messages, and nothing is stored", async ({ request }) => {
  const callId = await publishCall(request, { age_max: 20 });
  const group = await newGroup(request);
  const bad = submission(callId);
  bad.body.budget = { ...bad.body.budget, requested: 900_000 };
  bad.body.actions[0] = { ...bad.body.actions[0], end: "2020-01-01" };
  const invalid = await request.post("/api/v1/proposals", { data: bad, headers: group.headers });
  expect(invalid.status()).toBe(422);
  const errors = (await invalid.json()).errors as { field: string; message: string }[];
  const fields = Object.fromEntries(errors.map((e) => [e.field, e.message]));
  expect(errors.filter((e) => e.field === "budget.requested").map((e) => e.message)).toEqual([
    "Il contributo richiesto non può superare il costo totale (1.085,00 €).",
    "Il bando finanzia al massimo 5.000,00 € per progetto.",
  ]);
  expect(fields["group.age_max"]).toContain("dai 16 ai 20 anni");
  expect(fields["actions.0.end"]).toBe("La fine non può venire prima dell'inizio.");

  const malformed = [
    { data: "{ non è json", status: 400 },
    { data: { ...submission(callId), id: "non-un-uuid" }, status: 400 },
    { data: { ...submission(callId), body: { ...proposalBody(), budget: { lines: [], requested: 10.5 } } }, status: 400 },
    { data: { ...submission(callId), extra: true }, status: 400 },
    { data: { ...submission(callId), call_id: "bando-inesistente" }, status: 404 },
    { data: { ...submission(callId), body: proposalBody({ needs: "x".repeat(100_000) }) }, status: 413 },
  ];
  for (const { data, status } of malformed) {
    const response = await request.post("/api/v1/proposals", {
      data: typeof data === "string" ? data : JSON.stringify(data),
      headers: { ...group.headers, "content-type": "application/json" },
    });
    expect(response.status(), JSON.stringify(data).slice(0, 80)).toBe(status);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  }
  expect(d1(`SELECT COUNT(*) AS n FROM proposals WHERE account_id = '${group.id}'`)).toEqual([{ n: 0 }]);
});

test("only signed-in groups submit, from the site itself", async ({ request, playwright }) => {
  const callId = await publishCall(request);
  const anonymous = await playwright.request.newContext({ baseURL: origin });
  expect((await anonymous.post("/api/v1/proposals", { data: submission(callId), headers: { origin } })).status()).toBe(401);
  const editor = await signIn(anonymous, accounts.editor.email, accounts.editor.password);
  expect((await anonymous.post("/api/v1/proposals", { data: submission(callId), headers: editor })).status()).toBe(403);
  const group = await headersAs(request, "applicant");
  const noOrigin = await request.post("/api/v1/proposals", { data: submission(callId), headers: { cookie: group.cookie } });
  expect(noOrigin.status()).toBe(403);
  await anonymous.dispose();
});
