import { expect, request as playwrightRequest, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../../playwright.config";
import { bankBody, publishRecruitingDay, rareSkill, record, sendProfile } from "../bank";
import { d1, headersAs, opportunityInput, putOpportunity, uniqueId } from "../support";

const search = (query: string) => `/api/v1/bank/search?${query}`;

/** A job in Crema asking for English B2 and Excel. */
async function job(request: Parameters<typeof putOpportunity>[0]) {
  const id = uniqueId("offerta");
  await putOpportunity(request, id, opportunityInput({ kind: "job", title: "Impiegato amministrativo a Crema", summary: "Richiesto inglese B2 e uso di Excel.", age_min: 18, age_max: 35 }));
  return id;
}

test("operators search by skill, district and language without ever seeing name or contact; each result is a view the young person sees", async ({ request }) => {
  const skill = rareSkill();
  const body = bankBody({ name: "Marta Invisibile", contact: "marta.invisibile@example.it" }, { skills: [skill, "Excel"] });
  const receipt = await sendProfile(request, body);
  const operator = await headersAs(request, "operator");

  const found = await request.get(search(`q=${skill}&district=crema&language=english&level=B1&education=qualification&sector=office`), { headers: operator });
  expect(found.status(), await found.text()).toBe(200);
  const text = await found.text();
  expect(text).not.toContain("Marta");
  expect(text).not.toContain("marta.invisibile");
  const { candidates } = JSON.parse(text);
  expect(candidates.map((c: { id: string }) => c.id)).toEqual([body.id]);
  expect(candidates[0]).toMatchObject({ points: 0, reasons: [], excluded: false, has_cv: false });
  expect(candidates[0].name).toBeUndefined();

  // Each filter that does not fit leaves it out.
  for (const q of [`district=cremona`, `language=english&level=C1`, `language=french`, `education=bachelor`, `sector=health`, `available_on=2000-01-01&district=cremona`]) {
    const r = await request.get(search(`q=${skill}&${q}`), { headers: operator });
    expect(r.status()).toBe(200);
    expect((await r.json()).candidates, q).toEqual([]);
  }
  // FTS syntax typed by an operator is only words.
  const odd = await request.get(search(`q=${encodeURIComponent(`${skill}" OR NEAR(`)}`), { headers: operator });
  expect(odd.status()).toBe(200);
  expect((await request.get(search("district=milano"), { headers: operator })).status()).toBe(400);

  const held = await record(request, receipt);
  expect(held.views.length).toBeGreaterThanOrEqual(1);
  expect(held.views[0]).toMatchObject({ by: "Sportello Informagiovani Crema", kind: "search" });
  expect(Date.parse(held.views[0].at)).toBeGreaterThan(Date.now() - 600_000);
  const audit = d1(`SELECT actor, action FROM audit_log WHERE action = 'bank.search' AND after LIKE '%${body.id}%'`);
  expect(audit.length).toBeGreaterThanOrEqual(1);
  expect(audit[0]).toEqual({ actor: "sportello@sito-giovani.test", action: "bank.search" });
});

test("a profile past its expiry is invisible to operators at once and deleted by the daily purge", async ({ request }) => {
  const skill = rareSkill("scaduto");
  const body = bankBody({}, { skills: [skill] });
  await sendProfile(request, body);
  const operator = await headersAs(request, "operator");
  expect((await (await request.get(search(`q=${skill}`), { headers: operator })).json()).candidates).toHaveLength(1);
  d1(`UPDATE bank_profiles SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = '${body.id}'`);
  expect((await (await request.get(search(`q=${skill}`), { headers: operator })).json()).candidates).toEqual([]);
  const proposal = await request.post("/api/v1/bank/proposals", { data: { id: randomUUID(), profile_id: body.id, kind: "opportunity", item_id: await job(request), message: "Ti propongo questo lavoro." }, headers: operator });
  expect(proposal.status()).toBe(404);

  // The daily purge (the cron's, here on demand) deletes it, with one audit line that holds only how many.
  const purge = await request.post("/api/v1/admin/bank/purge", { headers: await headersAs(request, "admin") });
  expect(purge.status(), await purge.text()).toBe(200);
  expect((await purge.json()).profiles).toBeGreaterThanOrEqual(1);
  expect(d1(`SELECT COUNT(*) AS n FROM bank_profiles WHERE id = '${body.id}'`)).toEqual([{ n: 0 }]);
  expect(d1(`SELECT COUNT(*) AS n FROM bank_skills WHERE profile_id = '${body.id}'`)).toEqual([{ n: 0 }]);
  const line = d1(`SELECT actor, item_id, after FROM audit_log WHERE action = 'bank.expire' ORDER BY seq DESC LIMIT 1`)[0];
  expect(line.actor).toBe("sistema");
  expect(line.item_id).toBe("");
  expect(JSON.parse(String(line.after)).profiles).toBeGreaterThanOrEqual(1);
});

test("scored against a job, candidates come best first with the phone's reasons worded for the operator", async ({ request }) => {
  const skill = rareSkill("punteggio");
  const good = bankBody({}, { skills: [skill, "Excel"] });
  const far = bankBody({}, { skills: [skill], district: "casalmaggiore", reach: "district", languages: [] });
  await sendProfile(request, far);
  await sendProfile(request, good);
  const jobId = await job(request);
  const operator = await headersAs(request, "operator");
  const r = await request.get(search(`q=${skill}&for=${jobId}`), { headers: operator });
  expect(r.status(), await r.text()).toBe(200);
  const { candidates } = await r.json();
  expect(candidates.map((c: { id: string }) => c.id)).toEqual([good.id, far.id]);
  expect(candidates[0].excluded).toBe(false);
  expect(candidates[0].points).toBeGreaterThan(0);
  expect(candidates[0].reasons[0]).toBe("Crema");
  expect(candidates[0].reasons).toContain("richiede inglese B2: B2");
  expect(candidates[1].excluded).toBe(true);
  const unknown = await request.get(search(`for=${uniqueId("nessuno")}`), { headers: operator });
  expect(unknown.status()).toBe(400);
});

test("an operator sees name and contact only after the young person accepts; reading them is a view and an audit line", async ({ request }) => {
  const body = bankBody({ name: "Piero Accettante", contact: "piero.accettante@example.it" }, { skills: [rareSkill("contatti")] });
  const receipt = await sendProfile(request, body);
  const jobId = await job(request);
  const operator = await headersAs(request, "operator");
  const input = { id: randomUUID(), profile_id: body.id, kind: "opportunity", item_id: jobId, message: "Il tuo profilo è adatto a questo lavoro." };
  const sent = await request.post("/api/v1/bank/proposals", { data: input, headers: operator });
  expect(sent.status(), await sent.text()).toBe(201);
  const proposal = await sent.json();
  expect(proposal).toMatchObject({ id: input.id, profile_id: body.id, title: "Impiegato amministrativo a Crema", status: "pending" });
  expect(proposal.name).toBeUndefined();
  const replay = await request.post("/api/v1/bank/proposals", { data: input, headers: operator });
  expect(replay.status()).toBe(200);
  expect((await request.post("/api/v1/bank/proposals", { data: { ...input, message: "Altro." }, headers: operator })).status()).toBe(403);
  const notPublished = await request.post("/api/v1/bank/proposals", { data: { ...input, id: randomUUID(), item_id: uniqueId("nulla") }, headers: operator });
  expect(notPublished.status()).toBe(422);
  expect((await notPublished.json()).errors[0].field).toBe("item_id");

  const mine = async () => ((await (await request.get("/api/v1/bank/proposals", { headers: operator })).json()) as { id: string; name?: string; contact?: string; status: string }[]).find((p) => p.id === input.id)!;
  const before = await mine();
  expect(before.status).toBe("pending");
  expect(before.name).toBeUndefined();
  expect(before.contact).toBeUndefined();

  // The young person sees it in their record, and accepts.
  const held = await record(request, receipt);
  expect(held.proposals).toHaveLength(1);
  expect(held.proposals[0]).toMatchObject({ id: input.id, kind: "opportunity", from: "Sportello Informagiovani Crema", status: "pending", message: input.message });
  const answer = (data: Record<string, unknown>) => request.post(`/api/v1/bank/profiles/${body.id}/proposals/${input.id}/answer`, { data: { code: receipt.code, ...data }, headers: { origin } });
  const accepted = await answer({ accept: true });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect((await accepted.json()).status).toBe("accepted");
  expect((await answer({ accept: true })).status()).toBe(200);
  const changed = await answer({ accept: false });
  expect(changed.status()).toBe(409);
  expect((await changed.json()).code).toBe("already_answered");

  const after = await mine();
  expect(after).toMatchObject({ status: "accepted", name: "Piero Accettante", contact: "piero.accettante@example.it" });
  const views = (await record(request, receipt)).views;
  expect(views[0]).toMatchObject({ by: "Sportello Informagiovani Crema", kind: "contacts" });
  expect(d1(`SELECT actor FROM audit_log WHERE action = 'bank.contacts' AND item_id = '${body.id}'`).length).toBeGreaterThanOrEqual(1);
});

test("an invitation to a recruiting day carries its interview times, and accepting takes one of them", async ({ request }) => {
  const dayId = uniqueId("recruiting");
  const slots = await publishRecruitingDay(request, dayId);
  const body = bankBody({}, { skills: [rareSkill("giornata")] });
  const receipt = await sendProfile(request, body);
  const operator = await headersAs(request, "operator");
  const scored = await request.get(search(`q=${body.profile.skills[0]}&for=${dayId}`), { headers: operator });
  expect(scored.status(), await scored.text()).toBe(200);
  expect((await scored.json()).candidates[0].reasons[0]).toBe("Crema");

  const input = { id: randomUUID(), profile_id: body.id, kind: "recruiting_day", item_id: dayId, message: "Ti invito al recruiting day." };
  const sent = await request.post("/api/v1/bank/proposals", { data: input, headers: operator });
  expect(sent.status(), await sent.text()).toBe(201);
  const held = await record(request, receipt);
  expect(held.proposals[0].slots.map((s: string) => Date.parse(s))).toEqual(slots.map((s) => Date.parse(s)));
  const answer = (data: Record<string, unknown>) => request.post(`/api/v1/bank/profiles/${body.id}/proposals/${input.id}/answer`, { data: { code: receipt.code, ...data }, headers: { origin } });
  const noSlot = await answer({ accept: true, slot: "2030-01-01T10:00:00.000Z" });
  expect(noSlot.status()).toBe(422);
  expect((await noSlot.json()).errors[0].field).toBe("slot");
  const ok = await answer({ accept: true, slot: slots[1] });
  expect(ok.status(), await ok.text()).toBe(200);
  expect(Date.parse((await ok.json()).slot)).toBe(Date.parse(slots[1]));
  expect((await answer({ accept: true, slot: slots[0] })).status()).toBe(409);
});

test("the bank's operator endpoints: anonymous 401, reviewers and groups 403, operators, editors and admins 200", async ({ request }) => {
  const api = await playwrightRequest.newContext({ baseURL: origin });
  for (const path of ["/api/v1/bank/search", "/api/v1/bank/proposals"]) {
    expect((await api.get(path)).status(), path).toBe(401);
    for (const role of ["reviewer", "applicant"] as const) expect((await api.get(path, { headers: await headersAs(request, role) })).status(), `${path} ${role}`).toBe(403);
    for (const role of ["operator", "editor", "admin"] as const) expect((await api.get(path, { headers: await headersAs(request, role) })).status(), `${path} ${role}`).toBe(200);
  }
  await api.dispose();
});
