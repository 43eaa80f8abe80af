import { expect, test } from "@playwright/test";
import { labInput, lab, putLab, signUp, signupBody } from "../labs";
import { d1, editorHeaders, headersAs, uniqueId } from "../support";

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

test("the purge deletes the names and contacts a set number of days after the last session, keeps the counts, and writes the audit log", async ({ request }) => {
  const labId = uniqueId("purga");
  await putLab(request, labId, labInput({ min_places: 1, max_places: 2 }));
  for (const name of ["Elena Bruni", "Fabio Rossi", "Gaia Neri"]) await signUp(request, labId, signupBody(name, `${name.split(" ")[0].toLowerCase()}@example.it`));
  const recent = uniqueId("recente");
  await putLab(request, recent);
  await signUp(request, recent, signupBody("Ivo Gialli", "ivo@example.it"));

  // The lab took place two months ago: its last session ended 40 days ago.
  const now = Date.now();
  const past = labInput({ min_places: 1, max_places: 2 });
  past.signup_opens_at = iso(now - 100 * day);
  past.signup_closes_at = iso(now - 90 * day);
  past.modules = [{ title: "Comunicare in gruppo", sessions: [
    { starts_at: iso(now - 60 * day), ends_at: iso(now - 60 * day + 2 * 3600_000), place: "Informagiovani di Cremona" },
    { starts_at: iso(now - 40 * day), ends_at: iso(now - 40 * day + 2 * 3600_000), place: "Informagiovani di Cremona" },
  ] }];
  const moved = await request.put(`/api/v1/labs/${labId}`, { data: past, headers: { ...(await editorHeaders(request)), "if-match": '"1"' } });
  expect(moved.status(), await moved.text()).toBe(200);
  const counts = (await lab(request, labId)).places;
  expect(counts).toEqual({ taken: 2, waiting: 1, cancelled: 0 });

  expect((await request.post("/api/v1/admin/labs/purge", { headers: await editorHeaders(request) })).status()).toBe(403);
  const purged = await request.post("/api/v1/admin/labs/purge", { headers: await headersAs(request, "admin") });
  expect(purged.status()).toBe(200);
  expect((await purged.json()).labs).toBeGreaterThanOrEqual(1);

  expect(d1(`SELECT name, contact, status, age_band FROM lab_signups WHERE lab_id = '${labId}' ORDER BY arrival`)).toEqual([
    { name: null, contact: null, status: "confirmed", age_band: "18-24" },
    { name: null, contact: null, status: "confirmed", age_band: "18-24" },
    { name: null, contact: null, status: "waiting", age_band: "18-24" },
  ]);
  expect((await lab(request, labId)).places).toEqual(counts);
  expect(d1(`SELECT actor, action FROM audit_log WHERE kind = 'lab' AND item_id = '${labId}' AND action = 'purge_personal_data'`)).toEqual([
    { actor: "sistema", action: "purge_personal_data" },
  ]);
  // A lab still to come keeps its sign-ups' details.
  expect(d1(`SELECT name FROM lab_signups WHERE lab_id = '${recent}'`)).toEqual([{ name: "Ivo Gialli" }]);
  // A second run finds nothing more to delete for it and writes no second line.
  await request.post("/api/v1/admin/labs/purge", { headers: await headersAs(request, "admin") });
  expect(d1(`SELECT COUNT(*) AS n FROM audit_log WHERE item_id = '${labId}' AND action = 'purge_personal_data'`)).toEqual([{ n: 1 }]);
});

test("the purge's period is checked in Italian", async ({ request }) => {
  const bad = await request.post("/api/v1/admin/labs/purge?older_than_days=mai", { headers: await headersAs(request, "admin") });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors[0]).toMatchObject({ field: "older_than_days", message: "Indica un numero di giorni tra 0 e 3650." });
});
