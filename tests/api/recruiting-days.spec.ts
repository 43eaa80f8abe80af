import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { recruitingDayInput, putRecruitingDay } from "../recruiting";
import { d1, editorHeaders, head, headersAs, pull, uniqueId } from "../support";

const address = (id: string) => `/api/v1/recruiting-days/${id}`;
const stored = (id: string) => [
  ...d1(`SELECT kind FROM content WHERE id = '${id}'`),
  ...d1(`SELECT kind FROM entries WHERE id = '${id}'`),
];

test("an editor publishes a recruiting day: the feed carries it as recruiting_day with its companies, roles and interview times", async ({ request }) => {
  const id = uniqueId("rd");
  const since = await head(request);
  const input = recruitingDayInput({
    companies: [
      { name: "  Trattoria del Po s.r.l. ", sector: "hospitality", roles: [{ title: " Cameriere/a di sala ", positions: 3 }] },
      { name: "Logistica Padana", roles: [{ title: "Magazziniere/a", description: "Patentino del muletto.", positions: 5 }] },
    ],
  });
  const written = await putRecruitingDay(request, id, input);
  expect(written.version).toBe(1);

  const response = await request.get(address(id));
  expect(response.status()).toBe(200);
  const day = await response.json();
  expect(day).toMatchObject({
    id,
    version: 1,
    district: "cremona",
    organiser: "Centro per l'Impiego di Cremona",
    age_min: 18,
    age_max: 29,
    companies: [
      { name: "Trattoria del Po s.r.l.", sector: "hospitality", roles: [{ title: "Cameriere/a di sala", description: "", positions: 3 }] },
      { name: "Logistica Padana", sector: null, roles: [{ title: "Magazziniere/a", description: "Patentino del muletto.", positions: 5 }] },
    ],
  });
  expect(day.description_html).toContain("<strong>curriculum</strong>");
  expect(day.slots.map((s: string) => Date.parse(s))).toEqual(input.slots.map((s: string) => Date.parse(s)));
  expect(d1(`SELECT kind FROM content WHERE id = '${id}'`)).toEqual([{ kind: "recruiting_day" }]);

  const changes = (await pull(request, since)).changes.filter((c) => c.id === id);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ kind: "recruiting_day", version: 1 });

  // The desk lists it like any other entry, under its kind.
  const listed = await request.get(`/api/v1/desk/entries?tipo=recruiting-days&q=${encodeURIComponent("ristorazione")}`, { headers: await editorHeaders(request) });
  expect(listed.status()).toBe(200);
  expect(((await listed.json()).items as { id: string }[]).some((e) => e.id === id)).toBe(true);

  // Withdrawn: a tombstone in the feed, and the address answers 404.
  const removed = await request.delete(address(id), { headers: { ...(await editorHeaders(request)), "if-match": '"1"' } });
  expect(removed.status()).toBe(200);
  expect((await request.get(address(id))).status()).toBe(404);
  const after = (await pull(request, since)).changes.filter((c) => c.id === id);
  expect(after).toMatchObject([{ kind: "recruiting_day", deleted: true }]);
});

test("bad input answers 422 with Italian messages named by their path, and nothing is stored", async ({ request }) => {
  const id = uniqueId("rd-errato");
  const base = recruitingDayInput();
  const start = Date.parse(base.starts_at);
  const input = recruitingDayInput({
    title: " ",
    ends_at: new Date(start - 3600_000).toISOString(),
    age_min: 30,
    age_max: 20,
    companies: [
      { name: "Trattoria del Po", roles: [{ title: "Cameriere/a", positions: 0 }, { title: " ", positions: 2 }] },
      { name: "", roles: [] },
    ],
    slots: [new Date(start + 3600_000).toISOString(), new Date(start + 1800_000).toISOString()],
  });
  const response = await request.put(address(id), { data: input, headers: await editorHeaders(request) });
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = await response.json();
  expect(problem.code).toBe("validation_failed");
  const messages = Object.fromEntries(problem.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
  expect(messages).toMatchObject({
    title: "Campo obbligatorio.",
    ends_at: "La giornata deve finire dopo l'inizio.",
    age_max: "L'età minima non supera la massima.",
    "companies.0.roles.0.positions": "I posti vanno da 1 a 999.",
    "companies.0.roles.1.title": "Campo obbligatorio.",
    "companies.1.name": "Campo obbligatorio.",
    "companies.1.roles": "Ogni azienda ha almeno un ruolo aperto.",
  });
  expect(Object.keys(messages).some((f) => f.startsWith("slots."))).toBe(true);
  expect(stored(id)).toEqual([]);

  // A field a recruiting day does not have is refused as malformed.
  const unknown = await request.put(address(id), { data: { ...recruitingDayInput(), colore: "rosso" }, headers: await editorHeaders(request) });
  expect(unknown.status()).toBe(400);
  expect(stored(id)).toEqual([]);
  expect((await request.get(address(id))).status()).toBe(404);
});

test("only editors and administrators publish: anonymous 401, a group, a reviewer or an operator 403, and nothing is stored", async ({ request }) => {
  const id = uniqueId("rd-vietato");
  const anonymous = await request.put(address(id), { data: recruitingDayInput(), headers: { origin } });
  expect(anonymous.status()).toBe(401);
  for (const role of ["applicant", "reviewer", "operator"] as const) {
    const refused = await request.put(address(id), { data: recruitingDayInput(), headers: await headersAs(request, role) });
    expect(refused.status(), role).toBe(403);
  }
  expect(stored(id)).toEqual([]);
  const admin = await request.put(address(id), { data: recruitingDayInput(), headers: await headersAs(request, "admin") });
  expect(admin.status()).toBe(201);
});
