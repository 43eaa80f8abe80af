import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { askQuestion, d1, editorHeaders, head, headersAs, opportunityInput, pull, putOpportunity, uniqueId } from "../support";
import { newGroup, publishCall, submission } from "../proposals";
import { origin } from "../../playwright.config";
import { labInput, putLab, signUp, signupBody } from "../labs";
import { book, dayFromNow, openSeries } from "../appointments";

interface Report {
  period: { from: string; to: string };
  district: string | null;
  content: {
    published: { month: string; kind: string; district: string; count: number }[];
    open_at_month_end: { month: string; count: number }[];
    guides_updated: number;
    stale_after_days: number;
    stale: { kind: string; count: number }[];
  };
  questions: {
    received: number;
    answered: number;
    declined: number;
    by_topic: { group: string; answered: number; median_hours: number | null; p90_hours: number | null }[];
    by_body: { group: string; answered: number; median_hours: number | null; p90_hours: number | null }[];
  };
  proposals: {
    by_call: { call_id: string; status: string; count: number; requested: number; granted: number }[];
    first_time_groups: number;
  };
  reach: { day: string; pulls: number; first_pulls: number }[];
  activity: {
    labs: { labs: LabCount[]; total: Record<string, number | null> };
    appointments: { by_topic: ({ topic: string } & AppointmentCounts)[]; total: AppointmentCounts };
  };
}

interface LabCount {
  lab_id: string;
  title: string;
  first_session: string;
  places_offered: number;
  confirmed: number;
  waiting: number;
  cancelled: boolean;
  attendance_marked: boolean;
  attended: number;
}

interface AppointmentCounts {
  slots: number;
  booked: number;
  cancelled: number;
  marked: number;
  attended: number;
  attendance_rate_pct: number | null;
}

const ADDRESSES = ["/redazione/monitoraggio", "/redazione/monitoraggio.json", "/redazione/monitoraggio/domande.csv"];

/** Today in Italy, as the report's days are. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
}

async function report(request: APIRequestContext, query = ""): Promise<Report> {
  const response = await request.get(`/redazione/monitoraggio.json${query}`, { headers: await editorHeaders(request) });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  return (await response.json()) as Report;
}

test("the report and its exports are for editors and administrators: 401 signed out, 403 for reviewers and groups", async ({ request, playwright, baseURL }) => {
  // A context of its own, with no session cookie from the other requests.
  const signedOut = await playwright.request.newContext({ baseURL });
  for (const address of ADDRESSES) {
    const anonymous = await signedOut.get(address, { maxRedirects: 0 });
    if (address.endsWith(".json") || address.endsWith(".csv")) {
      expect(anonymous.status(), address).toBe(401);
      expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
    } else {
      expect(anonymous.status(), address).toBe(303);
      expect(anonymous.headers()["location"]).toBe("/redazione/accesso");
    }
    for (const role of ["reviewer", "applicant"] as const) {
      const refused = await request.get(address, { headers: await headersAs(request, role), maxRedirects: 0 });
      expect(refused.status(), `${role} ${address}`).toBe(403);
    }
    for (const role of ["editor", "admin"] as const) {
      const allowed = await request.get(address, { headers: await headersAs(request, role), maxRedirects: 0 });
      expect(allowed.status(), `${role} ${address}`).toBe(200);
    }
  }
});

test("a period that cannot be read is a 400 with an Italian message on its field, never a 500", async ({ request }) => {
  const headers = await editorHeaders(request);
  const cases: [string, string][] = [
    ["?dal=31/01/2026&al=2026-06-30", "dal"],
    ["?dal=2026-06-30&al=2026-01-01", "al"],
    ["?dal=2024-01-01&al=2026-06-30", "al"],
    ["?semestre=2026-3", "semestre"],
    ["?territorio=milano", "territorio"],
  ];
  for (const [query, field] of cases) {
    const response = await request.get(`/redazione/monitoraggio.json${query}`, { headers });
    expect(response.status(), query).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field), query).toEqual([field]);
    expect(problem.errors[0].message).toMatch(/[a-zà-ù]/);
  }
  expect((await request.get("/redazione/monitoraggio/nessuno.csv", { headers })).status()).toBe(404);
  const page = await request.get("/redazione/monitoraggio?dal=2026-06-30&al=2026-01-01", { headers });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("L'ultimo giorno viene prima del primo.");
});

test("the report counts what happened in the period: publications, questions, proposals and sync pulls", async ({ request }) => {
  const editor = await editorHeaders(request);
  const before = await report(request, "?territorio=casalmaggiore");
  const month = today().slice(0, 7);
  const campsIn = (r: Report) =>
    r.content.published.filter((p) => p.month === month && p.kind === "work_camp" && p.district === "casalmaggiore").reduce((n, p) => n + p.count, 0);
  const openNow = (r: Report) => r.content.open_at_month_end.find((m) => m.month === month)?.count ?? 0;

  // Two work camps in Casalmaggiore, one of them edited and published again: still two.
  const ids = [uniqueId("campo"), uniqueId("campo")];
  for (const id of ids) await putOpportunity(request, id, opportunityInput({ kind: "work_camp", district: "casalmaggiore" }));
  await putOpportunity(request, ids[0], opportunityInput({ kind: "work_camp", district: "casalmaggiore", title: "Campo di lavoro sul Po" }), 1);
  // One in another district, which the filter leaves out.
  await putOpportunity(request, uniqueId("campo"), opportunityInput({ kind: "work_camp", district: "crema" }));

  // Three questions: one answered by a body of its own, one declined.
  const body = `Informagiovani di prova ${uniqueId("ente")}`;
  const asked = [await askQuestion(request, "Come funziona un tirocinio extracurricolare?"), await askQuestion(request, "Posso fare un campo di lavoro a 17 anni?", "abroad"), await askQuestion(request, "Domanda fuori tema per la prova del rifiuto.")];
  const answered = await request.put(`/api/v1/desk/questions/${asked[0].id}/answer`, {
    data: { topic: "internships", question: "Come funziona un tirocinio extracurricolare?", answer_md: "Dura da due a dodici mesi.", answered_by: body },
    headers: editor,
  });
  expect(answered.status(), await answered.text()).toBeLessThan(300);
  expect((await request.post(`/api/v1/desk/questions/${asked[2].id}/decline`, { headers: editor })).status()).toBe(200);

  // A proposal to a new call, from a group that never submitted before.
  const callId = await publishCall(request);
  const newcomer = await newGroup(request, "Gruppo alla prima proposta");
  const sent = await request.post("/api/v1/proposals", { data: submission(callId), headers: newcomer.headers });
  expect(sent.status(), await sent.text()).toBe(201);

  // Two pulls, one of them from an empty store.
  await pull(request, 0, 1);
  await pull(request, await head(request));

  const after = await report(request, "?territorio=casalmaggiore");
  expect(after.district).toBe("casalmaggiore");
  expect(campsIn(after)).toBe(campsIn(before) + 2);
  expect(openNow(after)).toBe(openNow(before) + 2);
  expect(after.questions.received).toBe(before.questions.received + 3);
  expect(after.questions.answered).toBe(before.questions.answered + 1);
  expect(after.questions.declined).toBe(before.questions.declined + 1);
  expect(after.questions.by_body.find((b) => b.group === body)).toEqual({ group: body, answered: 1, median_hours: 0, p90_hours: 0 });
  expect(after.proposals.by_call.filter((c) => c.call_id === callId)).toEqual([
    { call_id: callId, call_title: expect.any(String), status: "submitted", count: 1, requested: 80_000, granted: 0 },
  ]);
  expect(after.proposals.first_time_groups).toBe(before.proposals.first_time_groups + 1);
  const day = (r: Report) => r.reach.find((d) => d.day === today()) ?? { pulls: 0, first_pulls: 0 };
  expect(day(after).pulls).toBe(day(before).pulls + 2);
  expect(day(after).first_pulls).toBe(day(before).first_pulls + 1);

  // The same figures as CSV, for a spreadsheet set to Italian.
  const csv = await request.get(`/redazione/monitoraggio/proposte.csv?territorio=casalmaggiore`, { headers: editor });
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="proposte-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"$/);
  const text = await csv.text();
  expect(text.startsWith("\ufeff")).toBe(true);
  const lines = text.slice(1).split("\r\n");
  expect(lines[0]).toBe("Bando;Stato;Proposte;Richiesto (€);Concesso (€)");
  expect(lines.filter((l) => l.endsWith(";Inviata;1;800,00;0,00"))).not.toHaveLength(0);
});

test("the reach counters hold no address, user agent or id of a phone: a day and two counts", async ({ request }) => {
  await request.get("/api/v1/sync?since=0&limit=1", { headers: { "user-agent": "Telefono-di-prova/1.0", "cf-connecting-ip": "203.0.113.7" } });
  const columns = d1("SELECT name FROM pragma_table_info('reach_daily') ORDER BY cid").map((c) => c.name);
  expect(columns).toEqual(["day", "pulls", "first_pulls"]);
  const rows = d1("SELECT * FROM reach_daily");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(String(row.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isInteger(row.pulls) && Number.isInteger(row.first_pulls)).toBe(true);
  }
  const everything = JSON.stringify(d1("SELECT * FROM reach_daily"));
  expect(everything).not.toContain("203.0.113.7");
  expect(everything).not.toContain("Telefono-di-prova");
  // No other table of the schema was added to count people.
  const tables = d1("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%reach%'").map((t) => t.name);
  expect(tables).toEqual(["reach_daily"]);
});

test("labs and desk appointments of the period: places offered and taken, waiting list, cancelled labs, bookings and attendance", async ({ request }) => {
  const editor = await editorHeaders(request);
  const operator = await headersAs(request, "operator");
  // One day of its own, far from the other tests' days: the report of that day holds only these.
  const day = dayFromNow(47);
  const period = `?dal=${day.date}&al=${day.date}`;
  const session = (hour: string) => [{ title: "Il colloquio", sessions: [{ starts_at: `${day.date}T${hour}:00:00.000Z`, ends_at: `${day.date}T${hour}:45:00.000Z`, place: "Informagiovani di Cremona, via Palestro 11" }] }];

  // A lab of 3 places: 5 sign up (3 with a place, 2 waiting), one with a place cancels and the
  // first waiting takes it: 3 confirmed, 1 waiting. Attendance marked: 2 of the 3 present.
  const held = uniqueId("lab-monitorato");
  const heldInput = labInput({ title: "Laboratorio monitorato: il colloquio", modules: session("09"), min_places: 1, max_places: 3 });
  await putLab(request, held, heldInput);
  const people = [];
  for (const name of ["Anna Verdi", "Bruno Neri", "Carla Gialli", "Dario Blu", "Elena Rossi"]) people.push(await signUp(request, held, signupBody(name, `${name.split(" ")[0].toLowerCase()}@example.it`)));
  expect(people.map((p) => p.receipt.status)).toEqual(["confirmed", "confirmed", "confirmed", "waiting", "waiting"]);
  const cancelled = await request.post(`/api/v1/labs/${held}/signups/${people[0].id}/cancel`, { data: { code: people[0].receipt.code }, headers: { origin } });
  expect(cancelled.status()).toBe(200);
  const attendance = await request.post(`/redazione/laboratori/${held}/presenze`, {
    data: new URLSearchParams([["presente", people[1].id], ["presente", people[3].id]]).toString(),
    headers: { ...editor, origin, "content-type": "application/x-www-form-urlencoded" },
  });
  expect(attendance.status(), await attendance.text()).toBe(200);
  expect(d1(`SELECT COUNT(*) AS n FROM lab_signups WHERE lab_id = '${held}' AND attended = 1`)).toEqual([{ n: 2 }]);

  // A lab of 10 places with 1 sign-up of the 5 needed, cancelled after the closing.
  const dropped = uniqueId("lab-annullato");
  const droppedInput = (opens: number, closes: number) => labInput({ title: "Laboratorio monitorato: annullato", modules: session("10"), min_places: 5, max_places: 10 }, opens, closes);
  await putLab(request, dropped, droppedInput(-1, 24));
  await signUp(request, dropped, signupBody("Franco Viola", "franco@example.it"));
  const closed = await request.put(`/api/v1/labs/${dropped}`, { data: droppedInput(-48, -1), headers: { ...editor, "if-match": '"1"' } });
  expect(closed.status(), await closed.text()).toBe(200);
  const cancelLab = await request.post(`/redazione/laboratori/${dropped}/annulla`, { form: {}, headers: { ...editor, origin } });
  expect(cancelLab.status(), await cancelLab.text()).toBe(200);
  expect(await cancelLab.text()).toContain("Laboratorio annullato");

  // Three desk slots about starting a business: one booked and attended; one booked, cancelled,
  // booked again by someone else who did not come; one left free.
  const { slots } = await openSeries(request, { topic: "starting_a_business", slots: 3, weekday: day.weekday, from: day.date, to: day.date });
  expect(slots).toHaveLength(3);
  const came = await book(request, slots[0].id, { name: "Giorgio Bassi" });
  const changed = await book(request, slots[1].id, { name: "Ilaria Conti" });
  expect((await request.post(`/api/v1/appointments/${changed.receipt.id}/cancel`, { data: { code: changed.receipt.code }, headers: { origin } })).status()).toBe(200);
  const missed = await book(request, slots[1].id, { name: "Luca Ferri" });
  for (const [booking, attended] of [[came, true], [missed, false]] as const) {
    const marked = await request.put(`/api/v1/desk/appointments/${booking.receipt.id}/attendance`, { data: { attended }, headers: operator });
    expect(marked.status()).toBe(200);
  }

  const after = await report(request, period);
  expect(after.activity.labs.labs).toEqual([
    { lab_id: held, title: "Laboratorio monitorato: il colloquio", first_session: `${day.date}T09:00:00.000Z`, places_offered: 3, confirmed: 3, waiting: 1, cancelled: false, attendance_marked: true, attended: 2 },
    { lab_id: dropped, title: "Laboratorio monitorato: annullato", first_session: `${day.date}T10:00:00.000Z`, places_offered: 10, confirmed: 1, waiting: 0, cancelled: true, attendance_marked: false, attended: 0 },
  ]);
  // 3 + 10 places; attendance only where it was marked: 2 of 3 is 66.7 %, 67.
  expect(after.activity.labs.total).toEqual({
    labs: 2, places_offered: 13, confirmed: 4, waiting: 1, cancelled_labs: 1,
    labs_with_attendance: 1, confirmed_with_attendance: 3, attended: 2, attendance_rate_pct: 67,
  });
  const business = { slots: 3, booked: 2, cancelled: 1, marked: 2, attended: 1, attendance_rate_pct: 50 };
  expect(after.activity.appointments.by_topic).toEqual([{ topic: "starting_a_business", ...business }]);
  expect(after.activity.appointments.total).toEqual(business);

  // The same figures as CSV.
  const csv = async (slug: string) => {
    const response = await request.get(`/redazione/monitoraggio/${slug}.csv${period}`, { headers: editor });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    return (await response.text()).slice(1).split("\r\n");
  };
  const date = day.date.split("-").reverse().join("/");
  expect(await csv("laboratori")).toEqual([
    "Laboratorio;Primo incontro;Posti offerti;Posti occupati;In lista d'attesa;Annullato;Presenze segnate;Presenti;Tasso di presenza (%)",
    `Laboratorio monitorato: il colloquio;${date};3;3;1;no;sì;2;67`,
    `Laboratorio monitorato: annullato;${date};10;1;0;sì;no;0;`,
    "",
  ]);
  expect(await csv("appuntamenti")).toEqual([
    "Tema;Appuntamenti offerti;Prenotati;Prenotazioni annullate;Presenze segnate;Presenti;Tasso di presenza (%)",
    "Avviare un'impresa;3;2;1;2;1;50",
    "",
  ]);
  // The page shows the section's headline figures.
  const page = await (await request.get(`/redazione/monitoraggio${period}`, { headers: editor })).text();
  expect(page).toContain("Laboratori e appuntamenti");
  expect(page).toMatch(/<strong>13<\/strong>Posti offerti/);
  expect(page).toMatch(/<strong>67%<\/strong>Presenza ai laboratori/);
  expect(page).toMatch(/<strong>50%<\/strong>Presenza agli appuntamenti/);
});
