import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { origin } from "../../playwright.config";
import { d1, headersAs, newStaff } from "../support";
import { newGroup, publishCall, type Receipt, submission } from "../proposals";

type Headers = Record<string, string>;

/** Submits a proposal as a group (the demo group unless told); returns its id and protocol. */
async function submit(request: APIRequestContext, callId: string, overrides: Record<string, unknown> = {}, group?: Headers) {
  const sent = submission(callId, overrides);
  const response = await request.post("/api/v1/proposals", { data: sent, headers: group ?? (await headersAs(request, "applicant")) });
  expect(response.status(), await response.text()).toBe(201);
  return { id: sent.id, protocol: ((await response.json()) as Receipt).protocol, title: sent.body.title };
}

interface Line { id: string; protocol: string; status: string; reviews: number; average: number | null; scored_by_me: boolean; decision: unknown }
interface Detail {
  status: string;
  average: number | null;
  criterion_averages: (number | null)[];
  timeline: { status: string; actor: string; message?: string }[];
  reviews: { reviewer: string; weighted: number; comment: string; note?: string; mine: boolean }[];
  decision: { outcome: string; amount?: number; reasons?: string } | null;
}

async function lines(request: APIRequestContext, callId: string, who: Headers, filter?: string): Promise<Line[]> {
  const query = filter ? `?filtro=${filter}` : "";
  const response = await request.get(`/api/v1/review/calls/${callId}/proposals${query}`, { headers: who });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Line[];
}

async function groupView(request: APIRequestContext, id: string, group?: Headers) {
  const response = await request.get(`/api/v1/proposals/${id}`, { headers: group ?? (await headersAs(request, "applicant")) });
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; timeline: { status: string; message?: string; amount?: number }[] };
}

test("reviewers score on the call's grid: weighted score, in review once, filters, private notes", async ({ request }) => {
  const callId = await publishCall(request);
  const a = await submit(request, callId);
  const b = await submit(request, callId);
  const reviewer = await headersAs(request, "reviewer");

  const calls = (await (await request.get("/api/v1/review/calls", { headers: reviewer })).json()) as { id: string; proposals: number; submitted: number }[];
  expect(calls.find((c) => c.id === callId)).toMatchObject({ proposals: 2, submitted: 2 });
  expect((await lines(request, callId, reviewer, "da-valutare")).map((l) => l.id)).toEqual([a.id, b.id]);
  expect(await lines(request, callId, reviewer, "valutate")).toEqual([]);

  const scored = await request.put(`/api/v1/review/proposals/${a.id}/score`, {
    data: { scores: [7, 5], comment: "Idea chiara, budget da rivedere.", note: "Telefonare alla referente" },
    headers: reviewer,
  });
  expect(scored.status(), await scored.text()).toBe(200);
  const afterFirst = (await scored.json()) as Detail;
  // 60 × 7 / 10 + 40 × 5 / 10 = 62 points out of 100, in hundredths.
  expect(afterFirst.reviews).toEqual([expect.objectContaining({ weighted: 6200, mine: true, note: "Telefonare alla referente" })]);
  expect(afterFirst.status).toBe("in_review");
  expect(afterFirst.timeline.map((e) => [e.status, e.actor])).toEqual([["submitted", "group"], ["in_review", "Commissione bandi giovani"]]);

  expect((await lines(request, callId, reviewer, "da-valutare")).map((l) => l.id)).toEqual([b.id]);
  const done = await lines(request, callId, reviewer, "valutate");
  expect(done).toEqual([expect.objectContaining({ id: a.id, reviews: 1, average: 6200, scored_by_me: true, status: "in_review" })]);

  // A second reviewer: sees the first one's comment but not the note; the average moves.
  const second = await newStaff(request, "reviewer");
  expect((await lines(request, callId, second.headers, "da-valutare")).map((l) => l.id)).toEqual([a.id, b.id]);
  const again = await request.put(`/api/v1/review/proposals/${a.id}/score`, { data: { scores: [8, 6], note: "Mia nota" }, headers: second.headers });
  expect(again.status()).toBe(200);
  const seen = (await again.json()) as Detail;
  expect(seen.average).toBe(6700);
  expect(seen.criterion_averages).toEqual([750, 550]);
  const first = seen.reviews.find((r) => !r.mine)!;
  expect(first.comment).toBe("Idea chiara, budget da rivedere.");
  expect(first).not.toHaveProperty("note");
  expect(JSON.stringify(seen)).not.toContain("Telefonare");
  expect(seen.reviews.find((r) => r.mine)!.note).toBe("Mia nota");
  expect(seen.timeline.filter((e) => e.status === "in_review")).toHaveLength(1);
  const own = (await (await request.get(`/api/v1/review/proposals/${a.id}`, { headers: reviewer })).json()) as Detail;
  expect(own.reviews.find((r) => r.mine)!.note).toBe("Telefonare alla referente");
  expect(JSON.stringify(own)).not.toContain("Mia nota");

  // Rescoring replaces the reviewer's own review.
  await request.put(`/api/v1/review/proposals/${a.id}/score`, { data: { scores: [10, 10] }, headers: reviewer });
  expect(d1(`SELECT COUNT(*) AS n, MAX(weighted) AS best FROM reviews WHERE proposal_id = '${a.id}'`)).toEqual([{ n: 2, best: 10_000 }]);

  // The group sees "in valutazione" and nothing of the reviews.
  const group = await groupView(request, a.id);
  expect(group.status).toBe("in_review");
  expect(JSON.stringify(group)).not.toMatch(/Telefonare|Mia nota|Idea chiara|Commissione/);
});

test("bad review input gets a clear 4xx with Italian field messages, never a 500", async ({ request }) => {
  const callId = await publishCall(request);
  const a = await submit(request, callId);
  const reviewer = await headersAs(request, "reviewer");
  const put = (data: unknown) => request.put(`/api/v1/review/proposals/${a.id}/score`, { data, headers: reviewer });

  const high = await put({ scores: [11, 5] });
  expect(high.status()).toBe(422);
  expect((await high.json()).errors).toEqual([expect.objectContaining({ field: "scores.0", message: "Il punteggio va da 0 a 10." })]);
  const short = await put({ scores: [7] });
  expect(short.status()).toBe(422);
  expect((await short.json()).errors[0]).toMatchObject({ field: "scores", code: "count" });
  expect((await put({ scores: [-1, 5] })).status()).toBe(400);
  expect((await put({ scores: [7, 5], extra: true })).status()).toBe(400);
  const text = await request.put(`/api/v1/review/proposals/${a.id}/score`, { data: "non è json", headers: { ...reviewer, "content-type": "text/plain" } });
  expect(text.status()).toBe(415);
  expect(text.headers()["content-type"]).toContain("application/problem+json");
  expect((await request.put("/api/v1/review/proposals/non-esiste/score", { data: { scores: [1, 1] }, headers: reviewer })).status()).toBe(404);
  const filter = await request.get(`/api/v1/review/calls/${callId}/proposals?filtro=tutto`, { headers: reviewer });
  expect(filter.status()).toBe(400);
  expect((await filter.json()).errors[0].field).toBe("filtro");
  expect((await request.get("/api/v1/review/calls/non-esiste/proposals", { headers: reviewer })).status()).toBe(404);
  expect((await request.post(`/api/v1/review/proposals/${a.id}/changes`, { data: { message: "  " }, headers: reviewer })).status()).toBe(422);
  const decision = await request.put(`/api/v1/review/proposals/${a.id}/decision`, { data: { outcome: "funded", amount: 80_001 }, headers: reviewer });
  expect(decision.status()).toBe(422);
  expect((await decision.json()).errors[0]).toMatchObject({ field: "amount", code: "out_of_range" });
  expect((await request.put(`/api/v1/review/proposals/${a.id}/decision`, { data: { outcome: "forse" }, headers: reviewer })).status()).toBe(400);
  expect((await request.delete(`/api/v1/review/proposals/${a.id}/score`, { headers: reviewer })).status()).toBe(405);
  expect(d1(`SELECT COUNT(*) AS n FROM reviews WHERE proposal_id = '${a.id}'`)).toEqual([{ n: 0 }]);
  expect(d1(`SELECT status, decision FROM proposals WHERE id = '${a.id}'`)).toEqual([{ status: "submitted", decision: null }]);
});

test("changes reach the group; decisions stay private until an editor publishes them all at once, exactly once", async ({ request }) => {
  const callId = await publishCall(request);
  const group = await newGroup(request, "Gruppo delle decisioni");
  const a = await submit(request, callId, {}, group.headers);
  const b = await submit(request, callId, {}, group.headers);
  const c = await submit(request, callId, {}, group.headers);
  const gone = await submit(request, callId, {}, group.headers);
  expect((await request.post(`/api/v1/proposals/${gone.id}/withdraw`, { headers: group.headers })).status()).toBe(200);
  const reviewer = await headersAs(request, "reviewer");
  const editor = await headersAs(request, "editor");

  const asked = await request.post(`/api/v1/review/proposals/${b.id}/changes`, { data: { message: "Dettagliate il noleggio del proiettore." }, headers: reviewer });
  expect(asked.status(), await asked.text()).toBe(200);
  expect(((await asked.json()) as Detail).status).toBe("changes_requested");
  const bView = await groupView(request, b.id, group.headers);
  expect(bView.status).toBe("changes_requested");
  expect(bView.timeline.at(-1)).toEqual(expect.objectContaining({ status: "changes_requested", message: "Dettagliate il noleggio del proiettore." }));
  const refused = await request.post(`/api/v1/review/proposals/${gone.id}/changes`, { data: { message: "Troppo tardi." }, headers: reviewer });
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).code).toBe("withdrawn");

  const funded = await request.put(`/api/v1/review/proposals/${a.id}/decision`, { data: { outcome: "funded", amount: 75_050 }, headers: reviewer });
  expect(funded.status(), await funded.text()).toBe(200);
  expect(((await funded.json()) as Detail).decision).toEqual({ outcome: "funded", amount: 75_050 });
  await request.put(`/api/v1/review/proposals/${b.id}/decision`, { data: { outcome: "not_funded", reasons: "Il budget non è sostenibile." }, headers: editor });
  const aBefore = await groupView(request, a.id, group.headers);
  expect(aBefore.status).toBe("submitted");
  expect(JSON.stringify(aBefore)).not.toMatch(/funded|75050/);
  expect(JSON.stringify(await groupView(request, b.id, group.headers))).not.toContain("sostenibile");

  expect((await request.post(`/api/v1/review/calls/${callId}/publish`, { headers: reviewer })).status()).toBe(403);
  const missing = await request.post(`/api/v1/review/calls/${callId}/publish`, { headers: editor });
  expect(missing.status()).toBe(409);
  const problem = await missing.json();
  expect(problem.code).toBe("decisions_missing");
  expect(problem.detail).toContain("Una proposta non ha ancora una decisione");
  expect(d1(`SELECT COUNT(*) AS n FROM proposals WHERE call_id = '${callId}' AND decision_published_at IS NOT NULL`)).toEqual([{ n: 0 }]);
  expect(d1(`SELECT COUNT(*) AS n FROM proposal_events WHERE proposal_id = '${a.id}' AND status = 'funded'`)).toEqual([{ n: 0 }]);

  await request.put(`/api/v1/review/proposals/${c.id}/decision`, { data: { outcome: "not_funded", reasons: "Fuori dal tema del bando." }, headers: reviewer });
  const published = await request.post(`/api/v1/review/calls/${callId}/publish`, { headers: editor });
  expect(published.status(), await published.text()).toBe(200);
  expect(await published.json()).toEqual({ call_id: callId, published: 3 });
  const aAfter = await groupView(request, a.id, group.headers);
  expect(aAfter.status).toBe("funded");
  expect(aAfter.timeline.at(-1)).toEqual(expect.objectContaining({ status: "funded", amount: 75_050 }));
  const bAfter = await groupView(request, b.id, group.headers);
  expect(bAfter.status).toBe("not_funded");
  expect(bAfter.timeline.at(-1)).toEqual(expect.objectContaining({ status: "not_funded", message: "Il budget non è sostenibile." }));
  expect((await groupView(request, gone.id, group.headers)).status).toBe("withdrawn");

  const twice = await request.post(`/api/v1/review/calls/${callId}/publish`, { headers: editor });
  expect(await twice.json()).toEqual({ call_id: callId, published: 0 });
  expect(d1(`SELECT COUNT(*) AS n FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id WHERE p.call_id = '${callId}' AND e.status IN ('funded', 'not_funded')`)).toEqual([{ n: 3 }]);

  for (const [method, path, data] of [
    ["post", "changes", { message: "Ancora una modifica." }],
    ["put", "decision", { outcome: "not_funded", reasons: "Ci abbiamo ripensato." }],
    ["put", "score", { scores: [1, 1] }],
  ] as const) {
    const late = await request[method](`/api/v1/review/proposals/${a.id}/${path}`, { data, headers: reviewer });
    expect(late.status(), path).toBe(409);
    expect((await late.json()).code).toBe("decision_published");
  }
  const calls = (await (await request.get("/api/v1/review/calls", { headers: reviewer })).json()) as Record<string, unknown>[];
  expect(calls.find((x) => x.id === callId)).toMatchObject({ proposals: 3, decided: 3, undecided: 0, published: 3, changes_requested: 1 });
});

test("the CSV export: one row per proposal, averages per criterion, Italian amounts", async ({ request }) => {
  const callId = await publishCall(request);
  const a = await submit(request, callId, { group: { name: "Giovani del Po", kind: "association", district: "crema", contact_person: "Sara", members: 6, age_min: 18, age_max: 25 } });
  const b = await submit(request, callId, { title: "Musica; in \"piazza\"" });
  const gone = await submit(request, callId);
  await request.post(`/api/v1/proposals/${gone.id}/withdraw`, { headers: await headersAs(request, "applicant") });
  const reviewer = await headersAs(request, "reviewer");
  const second = await newStaff(request, "reviewer");
  await request.put(`/api/v1/review/proposals/${a.id}/score`, { data: { scores: [7, 5], note: "privatissima" }, headers: reviewer });
  await request.put(`/api/v1/review/proposals/${a.id}/score`, { data: { scores: [8, 6] }, headers: second.headers });
  await request.put(`/api/v1/review/proposals/${a.id}/decision`, { data: { outcome: "funded", amount: 75_050 }, headers: reviewer });
  await request.put(`/api/v1/review/proposals/${b.id}/decision`, { data: { outcome: "not_funded", reasons: "Budget; tempi" }, headers: reviewer });

  const response = await request.get(`/api/v1/review/calls/${callId}/export.csv`, { headers: await headersAs(request, "editor") });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="valutazioni-${callId}.csv"`);
  const text = await response.text();
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text).not.toContain("privatissima");
  const rows = text.slice(1).split("\r\n").filter((l) => l !== "");
  expect(rows).toHaveLength(3);
  expect(rows[0]).toBe(
    "Protocollo;Gruppo;Titolo;Costo totale (€);Contributo richiesto (€);Stato;" +
      "Coerenza tra bisogni, obiettivi e azioni (peso 60): media su 10;Sostenibilità del budget (peso 40): media su 10;" +
      "Punteggio ponderato medio (su 100);Valutazioni;Decisione proposta;Importo concesso (€);Motivazioni;Decisione pubblicata",
  );
  expect(rows[1]).toBe(`${a.protocol};Giovani del Po;${a.title};1.085,00;800,00;In valutazione;7,50;5,50;67,00;2;Finanziata;750,50;;no`);
  expect(rows[2]).toBe(`${b.protocol};Giovani in Rete;"Musica; in ""piazza""";1.085,00;800,00;Inviata;;;;0;Non finanziata;;"Budget; tempi";no`);
  expect((await request.get(`/api/v1/review/calls/${callId}/export.csv`, { headers: reviewer })).status()).toBe(200);
});

test("groups and anonymous callers get 401 or 403 on every review endpoint", async ({ request }) => {
  const callId = await publishCall(request);
  const a = await submit(request, callId);
  const anonymous = await playwrightRequest.newContext({ baseURL: origin });
  const applicant = await headersAs(request, "applicant");
  const endpoints: [string, string, unknown?][] = [
    ["get", "/api/v1/review/calls"],
    ["get", `/api/v1/review/calls/${callId}/proposals`],
    ["get", `/api/v1/review/calls/${callId}/export.csv`],
    ["post", `/api/v1/review/calls/${callId}/publish`],
    ["get", `/api/v1/review/proposals/${a.id}`],
    ["put", `/api/v1/review/proposals/${a.id}/score`, { scores: [5, 5] }],
    ["post", `/api/v1/review/proposals/${a.id}/changes`, { message: "Modifiche." }],
    ["put", `/api/v1/review/proposals/${a.id}/decision`, { outcome: "funded", amount: 100 }],
  ];
  const rows: string[] = [];
  for (const [method, path, data] of endpoints) {
    const call = (headers: Headers) =>
      (anonymous[method as "get" | "post" | "put"] as APIRequestContext["post"])(path, { headers, ...(data ? { data } : {}) });
    const nobody = await call({ origin });
    const group = await call(applicant);
    rows.push(`${method} ${path}: ${nobody.status()} ${group.status()} ${nobody.headers()["content-type"]}`);
    expect(nobody.status(), path).toBe(401);
    expect(group.status(), path).toBe(403);
    expect(nobody.headers()["content-type"]).toContain("application/problem+json");
  }
  await anonymous.dispose();
  expect(d1(`SELECT status, decision FROM proposals WHERE id = '${a.id}'`)).toEqual([{ status: "submitted", decision: null }]);
  expect(rows).toHaveLength(endpoints.length);
});
