import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { book, booking, dayFromNow, openSeries, seriesInput } from "../appointments";
import { d1, headersAs } from "../support";

const count = (sql: string) => Number(Object.values(d1(sql)[0])[0]);

test("an operator opens a weekly series; its free slots are public, in Italian time, and carry nothing personal", async ({ request }) => {
  const { seriesId, slots, input } = await openSeries(request, { topic: "servizio_civile", slots: 4 });
  expect(slots).toHaveLength(4);
  expect(Object.keys(slots[0]).sort()).toEqual(["cutoff_hours", "ends_at", "id", "mode", "place", "starts_at", "topic"]);
  const rome = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", hour: "2-digit", minute: "2-digit" });
  expect(slots.map((s) => rome.format(new Date(s.starts_at)))).toEqual(["09:30", "10:00", "10:30", "11:00"]);
  expect(slots[0].starts_at.slice(0, 10)).toBe(input.from);
  // Another topic does not list them; a booked slot leaves the list.
  const other = await (await request.get("/api/v1/appointments/slots?tema=cv")).json();
  expect(other.slots.some((s: { id: string }) => s.id.startsWith(seriesId))).toBe(false);
  await book(request, slots[0].id);
  const after = await (await request.get("/api/v1/appointments/slots?tema=servizio_civile")).json();
  expect(after.slots.filter((s: { id: string }) => s.id.startsWith(seriesId)).map((s: { id: string }) => s.id)).toEqual(slots.slice(1).map((s) => s.id));
  const unknown = await request.get("/api/v1/appointments/slots?tema=astrologia");
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).errors[0].message).toContain("Tema sconosciuto");
});

test("a series the desk cannot open gets Italian field messages and opens nothing", async ({ request }) => {
  const before = count("SELECT count(*) FROM appointment_slots");
  const bad = await request.post("/api/v1/desk/appointments/series", {
    data: seriesInput({ weekday: 9, slot_minutes: 5, place: " ", to: dayFromNow(1).date }),
    headers: await headersAs(request, "operator"),
  });
  expect(bad.status()).toBe(422);
  const problem = await bad.json();
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(["weekday", "slot_minutes", "to", "place"]);
  expect(problem.errors[2].message).toBe("La data finale viene dopo quella iniziale.");
  expect(count("SELECT count(*) FROM appointment_slots")).toBe(before);
});

test("20 phones booking one slot at once: exactly one booking, the others a clear 409 in Italian", async ({ request }) => {
  const { slots } = await openSeries(request, { slots: 1 });
  const slot = slots[0].id;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => request.post("/api/v1/appointments", { data: booking(slot, { name: `Persona ${i}` }), headers: { origin } })),
  );
  const statuses = answers.map((a) => a.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  for (const refused of answers.filter((a) => a.status() === 409)) {
    const problem = await refused.json();
    expect(problem.code).toBe("slot_taken");
    expect(problem.detail).toContain("Qualcun altro ha appena prenotato");
  }
  expect(count(`SELECT count(*) FROM appointments WHERE slot_id = '${slot}'`)).toBe(1);
  console.log(`booking race: ${statuses.filter((s) => s === 201).length} booked / ${answers.length} attempts`);
});

test("a booking repeated by the outbox is stored once, with the same receipt; the same id with other details is refused", async ({ request }) => {
  const { slots } = await openSeries(request);
  const input = booking(slots[0].id, { email: "", phone: "+39 333 123 4567" });
  const first = await request.post("/api/v1/appointments", { data: input, headers: { origin } });
  expect(first.status()).toBe(201);
  const receipt = await first.json();
  expect(receipt).toMatchObject({ id: input.id, status: "booked", slot: slots[0] });
  expect(receipt.code).toMatch(/^APP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  for (let i = 0; i < 3; i += 1) {
    const replay = await request.post("/api/v1/appointments", { data: input, headers: { origin } });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(receipt);
  }
  expect(count(`SELECT count(*) FROM appointments WHERE id = '${input.id}'`)).toBe(1);
  const reused = await request.post("/api/v1/appointments", { data: { ...input, slot_id: slots[1].id }, headers: { origin } });
  expect(reused.status()).toBe(403);
  expect((await reused.json()).code).toBe("id_reused");
  expect(count(`SELECT count(*) FROM appointments WHERE slot_id = '${slots[1].id}'`)).toBe(0);
});

test("bad bookings get Italian field messages and nothing is stored", async ({ request }) => {
  const { slots } = await openSeries(request);
  const none = booking(slots[0].id, { name: " ", email: "" });
  const missing = await request.post("/api/v1/appointments", { data: none, headers: { origin } });
  expect(missing.status()).toBe(422);
  const problem = await missing.json();
  expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(["name", "email"]);
  expect(problem.errors[0].message).toBe("Scrivi il tuo nome.");
  expect(problem.errors[1].message).toContain("serve solo per avvisarti");
  const wrong = await request.post("/api/v1/appointments", { data: booking(slots[0].id, { email: "giulia", phone: "12" }), headers: { origin } });
  expect(wrong.status()).toBe(422);
  expect((await wrong.json()).errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`)).toEqual([
    "email: Questo indirizzo e-mail non sembra valido (es. nome@esempio.it).",
    "phone: Scrivi un numero di telefono di 6–15 cifre (es. 333 123 4567).",
  ]);
  const nowhere = await request.post("/api/v1/appointments", { data: booking("serie-che-non-esiste-1"), headers: { origin } });
  expect(nowhere.status()).toBe(404);
  expect((await nowhere.json()).code).toBe("slot_unavailable");
  expect((await request.post("/api/v1/appointments", { data: { ...booking(slots[0].id), id: "non-un-uuid" }, headers: { origin } })).status()).toBe(400);
  expect((await request.post("/api/v1/appointments", { data: booking(slots[0].id) })).status()).toBe(403);
  d1(`UPDATE appointment_slots SET starts_at = '2020-01-01T09:00:00.000Z' WHERE id = '${slots[1].id}'`);
  const past = await request.post("/api/v1/appointments", { data: booking(slots[1].id), headers: { origin } });
  expect(past.status()).toBe(422);
  expect((await past.json()).detail).toContain("è già iniziato");
  expect(count(`SELECT count(*) FROM appointments WHERE slot_id IN ('${slots[0].id}', '${slots[1].id}')`)).toBe(0);
});

test("only the booking's own code cancels it, and only up to the cut-off; a cancelled slot is free again", async ({ request }) => {
  const { slots } = await openSeries(request);
  const mine = await book(request, slots[0].id);
  const theirs = await book(request, slots[1].id, { name: "Marco" });
  const stolen = await request.post(`/api/v1/appointments/${mine.receipt.id}/cancel`, { data: { code: theirs.receipt.code }, headers: { origin } });
  expect(stolen.status()).toBe(404);
  expect(count(`SELECT count(*) FROM appointments WHERE id = '${mine.receipt.id}' AND status = 'booked'`)).toBe(1);

  const cancelled = await request.post(`/api/v1/appointments/${mine.receipt.id}/cancel`, { data: { code: mine.receipt.code.toLowerCase() }, headers: { origin } });
  expect(cancelled.status()).toBe(200);
  expect(await cancelled.json()).toMatchObject({ id: mine.receipt.id, status: "cancelled" });
  const free = await (await request.get("/api/v1/appointments/slots?tema=cv")).json();
  expect(free.slots.some((s: { id: string }) => s.id === slots[0].id)).toBe(true);
  await book(request, slots[0].id, { name: "Sara" });

  // Two hours before the start, with a cut-off of 24 hours: too late.
  const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
  d1(`UPDATE appointment_slots SET starts_at = '${soon}' WHERE id = '${slots[1].id}'`);
  const late = await request.post(`/api/v1/appointments/${theirs.receipt.id}/cancel`, { data: { code: theirs.receipt.code }, headers: { origin } });
  expect(late.status()).toBe(422);
  const problem = await late.json();
  expect(problem.code).toBe("cancellation_closed");
  expect(problem.detail).toMatch(/^Si poteva annullare fino al \d\d\/\d\d\/\d{4} alle \d\d:\d\d\./);
  expect(count(`SELECT count(*) FROM appointments WHERE id = '${theirs.receipt.id}' AND status = 'booked'`)).toBe(1);
});

test("the desk's day shows the bookings to operators, every read is in the audit log, and attendance is kept", async ({ request }) => {
  const { slots, input } = await openSeries(request, { topic: "job_search" });
  const { receipt } = await book(request, slots[1].id, { name: "Luca Bianchi", email: "luca@esempio.it" });
  const operator = await headersAs(request, "operator");
  const reads = count("SELECT count(*) FROM audit_log WHERE action = 'read' AND actor = 'sportello@sito-giovani.test'");
  const day = await request.get(`/api/v1/desk/appointments?giorno=${input.from}`, { headers: operator });
  expect(day.status()).toBe(200);
  const rows = ((await day.json()) as { slot: { id: string }; name: string | null; code: string | null }[]).filter((r) => slots.some((s) => s.id === r.slot.id));
  expect(rows.map((r) => r.name)).toEqual([null, "Luca Bianchi", null]);
  expect(rows[1].code).toBe(receipt.code);
  expect(count("SELECT count(*) FROM audit_log WHERE action = 'read' AND actor = 'sportello@sito-giovani.test'")).toBe(reads + 1);

  const marked = await request.put(`/api/v1/desk/appointments/${receipt.id}/attendance`, { data: { attended: true }, headers: operator });
  expect(marked.status()).toBe(200);
  expect(d1(`SELECT attended FROM appointments WHERE id = '${receipt.id}'`)[0].attended).toBe(1);
  expect((await request.get(`/api/v1/desk/appointments?giorno=31-12-2026`, { headers: operator })).status()).toBe(400);
});

test("the purge removes the names a set number of days after the slot and keeps the counts, with an audit line", async ({ request }) => {
  const { slots, seriesId } = await openSeries(request, { slots: 2 });
  const first = await book(request, slots[0].id, { name: "Anna Verdi" });
  await book(request, slots[1].id, { name: "Paolo Neri", email: "", phone: "0372 123456" });
  // The slots ended 31 days ago; the details go after 30.
  const ended = new Date(Date.now() - 31 * 86_400_000).toISOString();
  d1(`UPDATE appointment_slots SET starts_at = '${ended}', ends_at = '${ended}' WHERE series_id = '${seriesId}'`);
  const purged = await request.post("/api/v1/admin/appointments/purge", { headers: await headersAs(request, "admin") });
  expect(purged.status()).toBe(200);
  expect((await purged.json()).purged).toBeGreaterThanOrEqual(2);
  const rows = d1(`SELECT a.name, a.email, a.phone, a.status, a.purged_at FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id WHERE s.series_id = '${seriesId}'`);
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(row).toMatchObject({ name: null, email: null, phone: null, status: "booked" });
  expect(rows.every((r) => typeof r.purged_at === "string")).toBe(true);
  const audit = d1("SELECT after FROM audit_log WHERE action = 'purge' AND kind = 'appointment' ORDER BY seq DESC LIMIT 1");
  expect(JSON.parse(String(audit[0].after)).purged).toBeGreaterThanOrEqual(2);
  // A replay of a purged booking stores nothing again.
  expect(count(`SELECT count(*) FROM appointments WHERE id = '${first.input.id}'`)).toBe(1);
});
