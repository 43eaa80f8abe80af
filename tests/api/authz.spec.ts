import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { origin } from "../../playwright.config";
import { askQuestion, d1, guideInput, headersAs, newStaff, opportunityInput, uniqueId } from "../support";
import { publishCall, submission } from "../proposals";
import { book, openSeries, seriesInput } from "../appointments";
import { labInput, putLab, signupBody } from "../labs";
import { bankBody, sendProfile } from "../bank";

/** Who makes the call, and the headers that make them so. */
type Principal = { name: string; headers: () => Promise<Record<string, string>> };

/** A write endpoint: how to prepare a fresh target, how to call it, and who may. */
interface Endpoint {
  name: string;
  /** `staff`: reviewers, editors and administrators; `operators`: operators, editors and administrators. */
  allowed: "staff" | "operators" | "editors" | "admins" | "anyone";
  success: number;
  call: (api: APIRequestContext, headers: Record<string, string>) => Promise<{ status: () => number }>;
}

test("authorization matrix: every write endpoint × every kind of caller gets exactly the expected answer", async ({ request }) => {
  test.setTimeout(180_000);
  const editor = await headersAs(request, "editor");
  const expired = await newStaff(request, "editor");
  d1(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z' WHERE account_id = '${expired.id}'`);
  const disabled = await newStaff(request, "editor");
  const off = await request.patch(`/api/v1/admin/accounts/${disabled.id}`, { data: { disabled: true }, headers: await headersAs(request, "admin") });
  expect(off.status()).toBe(200);

  const principals: Principal[] = [
    { name: "admin", headers: () => headersAs(request, "admin") },
    { name: "editor", headers: () => headersAs(request, "editor") },
    { name: "reviewer", headers: () => headersAs(request, "reviewer") },
    { name: "operator", headers: () => headersAs(request, "operator") },
    { name: "applicant", headers: () => headersAs(request, "applicant") },
    { name: "no session", headers: async () => ({ origin }) },
    { name: "expired session", headers: async () => expired.headers },
    { name: "disabled account", headers: async () => disabled.headers },
    { name: "forged cookie", headers: async () => ({ origin, cookie: "sito_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }) },
    { name: "editor without Origin", headers: async () => ({ cookie: editor.cookie }) },
    { name: "editor from another site", headers: async () => ({ cookie: editor.cookie, origin: "https://evil.example" }) },
  ];

  /** A published opportunity to delete, made fresh for each call. */
  async function published(): Promise<{ id: string; version: number }> {
    const id = uniqueId("bersaglio");
    const r = await request.put(`/api/v1/opportunities/${id}`, { data: opportunityInput(), headers: editor });
    return { id, version: (await r.json()).version };
  }
  async function draftGuide(): Promise<{ id: string; version: number }> {
    const id = uniqueId("guida");
    const r = await request.put(`/api/v1/desk/entries/guides/${id}`, { data: { action: "draft", input: guideInput() }, headers: editor });
    return { id, version: (await r.json()).version };
  }
  const target = await newStaff(request, "reviewer");
  // A proposal to score, send back and decide; and a call whose decisions are all made, to publish.
  const group = await headersAs(request, "applicant");
  const underReview = submission(await publishCall(request));
  expect((await request.post("/api/v1/proposals", { data: underReview, headers: group })).status()).toBe(201);
  const decidedCall = await publishCall(request);
  const matrixLab = uniqueId("matrice");
  await putLab(request, matrixLab, labInput({ max_places: 50 }));
  const decided = submission(decidedCall);
  expect((await request.post("/api/v1/proposals", { data: decided, headers: group })).status()).toBe(201);
  const decision = await request.put(`/api/v1/review/proposals/${decided.id}/decision`, { data: { outcome: "funded", amount: 50_000 }, headers: editor });
  expect(decision.status(), await decision.text()).toBe(200);

  // Slots to book, mark and cancel: one series of many slots, each call takes the next.
  const { slots } = await openSeries(request, { slots: 24 });
  const { slots: more } = await openSeries(request, { slots: 24, start_time: "08:00", slot_minutes: 10, topic: "job_search" });
  const free = [...slots, ...more];
  const booked = await book(request, free.shift()!.id);

  // The CV bank: a published job to propose, and a fresh profile (and proposal) for each call.
  const bankJob = uniqueId("banca");
  expect((await request.put(`/api/v1/opportunities/${bankJob}`, { data: opportunityInput({ kind: "job" }), headers: editor })).status()).toBe(201);
  const bankProfile = await sendProfile(request);
  async function proposedTo() {
    const receipt = await sendProfile(request);
    const id = crypto.randomUUID();
    const r = await request.post("/api/v1/bank/proposals", { data: { id, profile_id: receipt.id, kind: "opportunity", item_id: bankJob, message: "Per la matrice." }, headers: await headersAs(request, "operator") });
    expect(r.status()).toBe(201);
    return { receipt, id };
  }

  const endpoints: Endpoint[] = [
    { name: "PUT /opportunities/{id}", allowed: "editors", success: 201,
      call: (api, h) => api.put(`/api/v1/opportunities/${uniqueId("nuova")}`, { data: opportunityInput(), headers: h }) },
    { name: "DELETE /opportunities/{id}", allowed: "editors", success: 200,
      call: async (api, h) => { const t = await published(); return api.delete(`/api/v1/opportunities/${t.id}`, { headers: { ...h, "if-match": `"${t.version}"` } }); } },
    { name: "PUT /desk/entries/guides/{id}", allowed: "editors", success: 201,
      call: (api, h) => api.put(`/api/v1/desk/entries/guides/${uniqueId("g")}`, { data: { action: "draft", input: guideInput() }, headers: h }) },
    { name: "DELETE /desk/entries/guides/{id}", allowed: "editors", success: 204,
      call: async (api, h) => { const t = await draftGuide(); return api.delete(`/api/v1/desk/entries/guides/${t.id}`, { headers: { ...h, "if-match": `"${t.version}"` } }); } },
    { name: "POST /desk/preview/news", allowed: "editors", success: 200,
      call: (api, h) => api.post("/api/v1/desk/preview/news", { data: { input: { title: "T", summary: "S", body_md: "B", published_on: "2026-11-22" } }, headers: h }) },
    { name: "POST /desk/questions/{id}/assign", allowed: "editors", success: 200,
      call: async (api, h) => { const q = await askQuestion(request, `Domanda per la matrice ${uniqueId("q")}`); return api.post(`/api/v1/desk/questions/${q.id}/assign`, { data: {}, headers: h }); } },
    { name: "PUT /desk/questions/{id}/answer", allowed: "editors", success: 200,
      call: async (api, h) => {
        const q = await askQuestion(request, `Domanda per la matrice ${uniqueId("q")}`);
        return api.put(`/api/v1/desk/questions/${q.id}/answer`, { data: { topic: "internships", question: "Domanda?", answer_md: "Risposta.", answered_by: "Informagiovani" }, headers: h });
      } },
    { name: "POST /desk/questions/{id}/decline", allowed: "editors", success: 200,
      call: async (api, h) => { const q = await askQuestion(request, `Domanda per la matrice ${uniqueId("q")}`); return api.post(`/api/v1/desk/questions/${q.id}/decline`, { headers: h }); } },
    { name: "POST /admin/invitations", allowed: "admins", success: 201,
      call: (api, h) => api.post("/api/v1/admin/invitations", { data: { email: `${uniqueId("inv")}@sito-giovani.test`, name: "Invitato", role: "editor" }, headers: h }) },
    { name: "PATCH /admin/accounts/{id}", allowed: "admins", success: 200,
      call: (api, h) => api.patch(`/api/v1/admin/accounts/${target.id}`, { data: { disabled: false }, headers: h }) },
    { name: "POST /admin/labs/purge", allowed: "admins", success: 200,
      call: (api, h) => api.post("/api/v1/admin/labs/purge?older_than_days=3650", { headers: h }) },
    { name: "POST /admin/tombstones/purge", allowed: "admins", success: 200,
      call: (api, h) => api.post("/api/v1/admin/tombstones/purge?older_than_days=3650", { headers: h }) },
    { name: "PUT /review/proposals/{id}/score", allowed: "staff", success: 200,
      call: (api, h) => api.put(`/api/v1/review/proposals/${underReview.id}/score`, { data: { scores: [6, 7] }, headers: h }) },
    { name: "POST /review/proposals/{id}/changes", allowed: "staff", success: 200,
      call: (api, h) => api.post(`/api/v1/review/proposals/${underReview.id}/changes`, { data: { message: "Precisate il calendario." }, headers: h }) },
    { name: "PUT /review/proposals/{id}/decision", allowed: "staff", success: 200,
      call: (api, h) => api.put(`/api/v1/review/proposals/${underReview.id}/decision`, { data: { outcome: "not_funded", reasons: "Fuori tema." }, headers: h }) },
    { name: "POST /review/calls/{id}/publish", allowed: "editors", success: 200,
      call: (api, h) => api.post(`/api/v1/review/calls/${decidedCall}/publish`, { headers: h }) },
    { name: "POST /desk/appointments/series", allowed: "operators", success: 201,
      call: (api, h) => api.post("/api/v1/desk/appointments/series", { data: seriesInput({ slots: 1 }), headers: h }) },
    { name: "PUT /desk/appointments/{id}/attendance", allowed: "operators", success: 200,
      call: (api, h) => api.put(`/api/v1/desk/appointments/${booked.receipt.id}/attendance`, { data: { attended: true }, headers: h }) },
    { name: "POST /admin/appointments/purge", allowed: "admins", success: 200,
      call: (api, h) => api.post("/api/v1/admin/appointments/purge", { headers: h }) },
    { name: "POST /appointments (anyone, from this site)", allowed: "anyone", success: 201,
      call: (api, h) => api.post("/api/v1/appointments", { data: { id: crypto.randomUUID(), slot_id: free.shift()!.id, name: "Chiunque", phone: "333 1234567" }, headers: h }) },
    { name: "POST /appointments/{id}/cancel (anyone with the code, from this site)", allowed: "anyone", success: 200,
      call: async (api, h) => { const b = await book(request, free.shift()!.id); return api.post(`/api/v1/appointments/${b.receipt.id}/cancel`, { data: { code: b.receipt.code }, headers: h }); } },
    { name: "POST /labs/{id}/signups (anyone, from this site)", allowed: "anyone", success: 201,
      call: (api, h) => api.post(`/api/v1/labs/${matrixLab}/signups`, { data: signupBody(), headers: h }) },
    { name: "POST /bank/proposals", allowed: "operators", success: 201,
      call: (api, h) => api.post("/api/v1/bank/proposals", { data: { id: crypto.randomUUID(), profile_id: bankProfile.id, kind: "opportunity", item_id: bankJob, message: "Ti propongo questo lavoro." }, headers: h }) },
    { name: "POST /admin/bank/purge", allowed: "admins", success: 200,
      call: (api, h) => api.post("/api/v1/admin/bank/purge", { headers: h }) },
    { name: "POST /bank/profiles (anyone, from this site)", allowed: "anyone", success: 201,
      call: (api, h) => api.post("/api/v1/bank/profiles", { data: bankBody(), headers: h }) },
    { name: "PUT /bank/profiles/{id} (anyone with the code, from this site)", allowed: "anyone", success: 200,
      call: async (api, h) => {
        const body = bankBody();
        const r = await sendProfile(request, body);
        return api.put(`/api/v1/bank/profiles/${r.id}`, { data: { code: r.code, name: body.name, contact: body.contact, profile: body.profile, consent: body.consent }, headers: h });
      } },
    { name: "POST /bank/profiles/{id}/delete (anyone with the code, from this site)", allowed: "anyone", success: 200,
      call: async (api, h) => { const r = await sendProfile(request); return api.post(`/api/v1/bank/profiles/${r.id}/delete`, { data: { code: r.code }, headers: h }); } },
    { name: "POST /bank/profiles/{id}/proposals/{pid}/answer (anyone with the code, from this site)", allowed: "anyone", success: 200,
      call: async (api, h) => { const p = await proposedTo(); return api.post(`/api/v1/bank/profiles/${p.receipt.id}/proposals/${p.id}/answer`, { data: { code: p.receipt.code, accept: false }, headers: h }); } },
    { name: "POST /questions (anyone, from this site)", allowed: "anyone", success: 201,
      call: (api, h) => api.post("/api/v1/questions", { data: { id: crypto.randomUUID(), topic: "other", text: "Una domanda di chiunque, anche senza account." }, headers: h }) },
  ];

  // Calls go through a context that never signed in, so only the headers given count.
  const api = await playwrightRequest.newContext({ baseURL: origin });
  const rows: string[] = [];
  for (const endpoint of endpoints) {
    for (const principal of principals) {
      const headers = await principal.headers();
      const status = (await endpoint.call(api, headers)).status();
      let expected: number;
      if (principal.name === "editor without Origin" || principal.name === "editor from another site") expected = 403;
      else if (endpoint.allowed === "anyone") expected = endpoint.success;
      else if (["no session", "expired session", "disabled account", "forged cookie"].includes(principal.name)) expected = 401;
      else if (
        principal.name === "admin" ||
        (endpoint.allowed === "editors" && principal.name === "editor") ||
        (endpoint.allowed === "staff" && (principal.name === "editor" || principal.name === "reviewer")) ||
        (endpoint.allowed === "operators" && (principal.name === "editor" || principal.name === "operator"))
      ) expected = endpoint.success;
      else expected = 403;
      rows.push(`${endpoint.name} × ${principal.name}: ${status}${status === expected ? "" : ` (expected ${expected})`}`);
    }
  }
  await api.dispose();
  const wrong = rows.filter((r) => r.includes("expected"));
  expect(wrong, rows.join("\n")).toEqual([]);
  expect(rows).toHaveLength(endpoints.length * principals.length);
});

test("reading the desk and the audit log needs the right role too", async ({ request }) => {
  const api = await playwrightRequest.newContext({ baseURL: origin });
  expect((await api.get("/api/v1/desk/entries")).status()).toBe(401);
  expect((await api.get("/api/v1/desk/entries", { headers: await headersAs(request, "applicant") })).status()).toBe(403);
  expect((await api.get("/api/v1/desk/entries", { headers: await headersAs(request, "editor") })).status()).toBe(200);
  expect((await api.get("/api/v1/desk/audit", { headers: await headersAs(request, "editor") })).status()).toBe(403);
  expect((await api.get("/api/v1/desk/audit", { headers: await headersAs(request, "admin") })).status()).toBe(200);
  expect((await api.get("/api/v1/admin/accounts", { headers: await headersAs(request, "reviewer") })).status()).toBe(403);
  // A day of the desk's bookings: operators and editors; reviewers and groups are refused.
  const day = "/api/v1/desk/appointments?giorno=2026-12-01";
  expect((await api.get(day)).status()).toBe(401);
  expect((await api.get(day, { headers: await headersAs(request, "reviewer") })).status()).toBe(403);
  expect((await api.get(day, { headers: await headersAs(request, "applicant") })).status()).toBe(403);
  expect((await api.get(day, { headers: await headersAs(request, "operator") })).status()).toBe(200);
  expect((await api.get(day, { headers: await headersAs(request, "editor") })).status()).toBe(200);
  // The CV bank: operators, editors and administrators search and read their proposals;
  // what a profile holds is read with its code alone.
  for (const path of ["/api/v1/bank/search", "/api/v1/bank/proposals"]) {
    expect((await api.get(path)).status()).toBe(401);
    expect((await api.get(path, { headers: await headersAs(request, "reviewer") })).status()).toBe(403);
    expect((await api.get(path, { headers: await headersAs(request, "applicant") })).status()).toBe(403);
    expect((await api.get(path, { headers: await headersAs(request, "operator") })).status()).toBe(200);
    expect((await api.get(path, { headers: await headersAs(request, "editor") })).status()).toBe(200);
  }
  const held = await sendProfile(request, bankBody());
  expect((await api.get(`/api/v1/bank/profiles/${held.id}?code=${held.code}`)).status()).toBe(200);
  expect((await api.get(`/api/v1/bank/profiles/${held.id}`, { headers: await headersAs(request, "admin") })).status()).toBe(404);
  // Operators do not review proposals.
  expect((await api.get("/api/v1/review/calls", { headers: await headersAs(request, "operator") })).status()).toBe(403);
  await api.dispose();
});
