import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { bankBody, record, sendProfile, CONSENT_VERSION } from "../bank";
import { d1 } from "../support";

const profiles = "/api/v1/bank/profiles";
const count = (table: string, column: string, id: string) => d1(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = '${id}'`)[0].n;

test("without consent the profile is refused with 422 consent_required and nothing is stored", async ({ request }) => {
  for (const consent of [undefined, { version: CONSENT_VERSION, accepted: false }, { version: CONSENT_VERSION + 1, accepted: true }]) {
    const body = bankBody({ consent });
    const response = await request.post(profiles, { data: body, headers: { origin } });
    expect(response.status()).toBe(422);
    const problem = await response.json();
    expect(problem.code).toBe("consent_required");
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(["consent"]);
    expect(problem.errors[0].message).toMatch(/consenso/);
    expect(count("bank_profiles", "id", body.id)).toBe(0);
    expect(count("bank_skills", "profile_id", body.id)).toBe(0);
  }
  // Other fields: Italian messages by field; no Origin: refused.
  const bad = await request.post(profiles, { data: bankBody({ contact: "", profile: { age: 9 } }), headers: { origin } });
  expect(bad.status()).toBe(422);
  const problem = await bad.json();
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(["contact", "profile.age"]);
  expect((await request.post(profiles, { data: bankBody() })).status()).toBe(403);
});

test("a profile sent again by the outbox is stored once; the same id with other details is refused", async ({ request }) => {
  const body = bankBody();
  const receipt = await sendProfile(request, body);
  expect(receipt.code).toMatch(/^CVB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(receipt.consent_version).toBe(CONSENT_VERSION);
  const days = (Date.parse(receipt.expires_at) - Date.parse(receipt.stored_at)) / 86_400_000;
  expect(days).toBe(365);
  for (let i = 0; i < 2; i += 1) {
    const replay = await request.post(profiles, { data: body, headers: { origin } });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(receipt);
  }
  expect(count("bank_profiles", "id", body.id)).toBe(1);
  const reused = await request.post(profiles, { data: { ...body, name: "Qualcun Altro" }, headers: { origin } });
  expect(reused.status()).toBe(403);
  expect((await reused.json()).code).toBe("id_reused");
  // The filters' columns and the full-text row follow the profile.
  expect(d1(`SELECT district, education FROM bank_profiles WHERE id = '${body.id}'`)).toEqual([{ district: "crema", education: "diploma" }]);
  expect(d1(`SELECT skills FROM bank_skills WHERE profile_id = '${body.id}'`)).toEqual([{ skills: "Excel\ncontabilità" }]);
});

test("the young person reads what the server holds, with the consent's text, and updates it", async ({ request }) => {
  const body = bankBody({ cv: { basics: { name: "Giulia Ferrari" } } });
  const receipt = await sendProfile(request, body);
  const held = await record(request, receipt);
  expect(held).toMatchObject({ id: body.id, name: body.name, contact: body.contact, views: [], proposals: [] });
  expect(held.profile.skills).toEqual(["Excel", "contabilità"]);
  expect(held.cv.basics.name).toBe("Giulia Ferrari");
  expect(held.consent.version).toBe(CONSENT_VERSION);
  expect(held.consent.text).toContain("12 mesi");
  expect(held.consent.given_at).toBe(receipt.stored_at);

  const wrong = await request.get(`${profiles}/${body.id}?code=CVB-2222-2222`);
  expect(wrong.status()).toBe(404);
  expect((await request.get(`${profiles}/${body.id}`)).status()).toBe(404);

  const update = { code: receipt.code, name: "Giulia Ferrari", contact: "+39 333 765 4321", profile: { ...body.profile, district: "cremona", skills: ["HACCP"] }, consent: body.consent };
  const noConsent = await request.put(`${profiles}/${body.id}`, { data: { ...update, consent: undefined }, headers: { origin } });
  expect(noConsent.status()).toBe(422);
  expect((await noConsent.json()).code).toBe("consent_required");
  const updated = await request.put(`${profiles}/${body.id}`, { data: update, headers: { origin } });
  expect(updated.status(), await updated.text()).toBe(200);
  const renewed = await updated.json();
  expect(renewed.code).toBe(receipt.code);
  expect(Date.parse(renewed.expires_at)).toBeGreaterThanOrEqual(Date.parse(receipt.expires_at));
  const after = await record(request, receipt);
  expect(after.contact).toBe("+39 333 765 4321");
  expect(after.cv).toBeUndefined();
  expect(d1(`SELECT district FROM bank_profiles WHERE id = '${body.id}'`)).toEqual([{ district: "cremona" }]);
  expect(d1(`SELECT skills FROM bank_skills WHERE profile_id = '${body.id}'`)).toEqual([{ skills: "HACCP" }]);
  const wrongCode = await request.put(`${profiles}/${body.id}`, { data: { ...update, code: "CVB-2222-2222" }, headers: { origin } });
  expect(wrongCode.status()).toBe(404);
});

test("deleting removes the profile at once from every table and leaves one audit line without personal data", async ({ request }) => {
  const body = bankBody({ name: "Cancellanda Rossi", contact: "cancellanda@example.it" });
  const receipt = await sendProfile(request, body);
  d1(`INSERT INTO bank_views (profile_id, at, account_id, by_name, kind) VALUES ('${body.id}', '2026-11-26T10:00:00.000Z', 'x', 'Operatore', 'search')`);
  d1(`INSERT INTO bank_proposals (id, profile_id, account_id, by_name, kind, item_id, title, message, sent_at) VALUES ('${body.id}-p', '${body.id}', 'x', 'Operatore', 'opportunity', 'o', 'T', 'M', '2026-11-26T10:00:00.000Z')`);
  const wrong = await request.post(`${profiles}/${body.id}/delete`, { data: { code: "CVB-2222-2222" }, headers: { origin } });
  expect(wrong.status()).toBe(404);
  expect(count("bank_profiles", "id", body.id)).toBe(1);

  const deleted = await request.post(`${profiles}/${body.id}/delete`, { data: { code: receipt.code }, headers: { origin } });
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ deleted: true });
  expect(count("bank_profiles", "id", body.id)).toBe(0);
  expect(count("bank_skills", "profile_id", body.id)).toBe(0);
  expect(count("bank_views", "profile_id", body.id)).toBe(0);
  expect(count("bank_proposals", "profile_id", body.id)).toBe(0);
  const audit = d1(`SELECT actor, action, kind, item_id, before, after FROM audit_log WHERE item_id = '${body.id}'`);
  expect(audit).toEqual([{ actor: "giovane", action: "bank.delete", kind: "bank_profile", item_id: body.id, before: null, after: null }]);
  expect(d1(`SELECT COUNT(*) AS n FROM audit_log WHERE after LIKE '%cancellanda%' OR before LIKE '%Cancellanda%'`)).toEqual([{ n: 0 }]);
  expect((await request.get(`${profiles}/${body.id}?code=${receipt.code}`)).status()).toBe(404);
  // Deleting again: nothing left.
  expect((await request.post(`${profiles}/${body.id}/delete`, { data: { code: receipt.code }, headers: { origin } })).status()).toBe(404);
});

test("an expired profile is gone for the young person too", async ({ request }) => {
  const receipt = await sendProfile(request);
  d1(`UPDATE bank_profiles SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = '${receipt.id}'`);
  expect((await request.get(`${profiles}/${receipt.id}?code=${receipt.code}`)).status()).toBe(404);
});
