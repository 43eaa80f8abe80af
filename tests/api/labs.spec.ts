import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { labInput, lab, putLab, signUp, signupBody, type Receipt } from "../labs";
import { d1, editorHeaders, head, mailTo, pull, uniqueId } from "../support";

const signups = (labId: string) => `/api/v1/labs/${labId}/signups`;

test("50 people racing for 20 places get exactly 20 places and a waiting list numbered 1 to 30", async ({ request }) => {
  const labId = uniqueId("gara");
  await putLab(request, labId);
  const since = await head(request);
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => request.post(signups(labId), { data: signupBody(`Persona ${i + 1}`, `persona${i + 1}@example.it`), headers: { origin } })),
  );
  expect(answers.map((a) => a.status())).toEqual(Array(50).fill(201));
  const receipts = (await Promise.all(answers.map((a) => a.json()))) as Receipt[];
  const confirmed = receipts.filter((r) => r.status === "confirmed");
  const waiting = receipts.filter((r) => r.status === "waiting");
  console.log(`gara per ${labId}: posti 20, iscrizioni ${receipts.length}, confermate ${confirmed.length}, in lista d'attesa ${waiting.length}`);
  expect(confirmed).toHaveLength(20);
  expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(new Set(receipts.map((r) => r.code)).size).toBe(50);

  const stored = d1(`SELECT status, COUNT(*) AS n FROM lab_signups WHERE lab_id = '${labId}' GROUP BY status ORDER BY status`);
  expect(stored).toEqual([{ status: "confirmed", n: 20 }, { status: "waiting", n: 30 }]);
  // The published lab, and the feed that carries it to the phones, say the same.
  expect((await lab(request, labId)).places).toEqual({ taken: 20, waiting: 30, cancelled: 0 });
  const changes = (await pull(request, since)).changes.filter((c) => c.kind === "lab" && c.id === labId);
  expect(changes).toHaveLength(1);
  expect((changes[0].item as { places: unknown }).places).toEqual({ taken: 20, waiting: 30, cancelled: 0 });
});

test("a sign-up repeated by the outbox is stored once and answers the same receipt", async ({ request }) => {
  const labId = uniqueId("ripeti");
  await putLab(request, labId);
  const body = signupBody("Luca Bianchi", "+39 333 123 4567");
  const { receipt } = await signUp(request, labId, body);
  expect(receipt.status).toBe("confirmed");
  expect(receipt.code).toMatch(/^LAB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  for (let i = 0; i < 3; i += 1) {
    const replay = await request.post(signups(labId), { data: body, headers: { origin } });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(receipt);
  }
  expect(d1(`SELECT COUNT(*) AS n FROM lab_signups WHERE lab_id = '${labId}'`)).toEqual([{ n: 1 }]);
  expect((await lab(request, labId)).places.taken).toBe(1);

  const reused = await request.post(signups(labId), { data: { ...body, name: "Qualcun Altro" }, headers: { origin } });
  expect(reused.status()).toBe(403);
  expect((await reused.json()).code).toBe("id_reused");
  expect(d1(`SELECT name FROM lab_signups WHERE id = '${body.id}'`)).toEqual([{ name: "Luca Bianchi" }]);
});

test("a cancellation with its own code frees the place for exactly one person of the waiting list; another's code changes nothing", async ({ request }) => {
  const labId = uniqueId("annulla");
  await putLab(request, labId, labInput({ min_places: 1, max_places: 2 }));
  const people = [];
  for (const name of ["Anna Verdi", "Bruno Neri", "Carla Gialli", "Dario Blu"]) people.push(await signUp(request, labId, signupBody(name, `${name.split(" ")[0].toLowerCase()}@example.it`)));
  const [anna, bruno, carla, dario] = people;
  expect(people.map((p) => [p.receipt.status, p.receipt.position ?? null])).toEqual([
    ["confirmed", null],
    ["confirmed", null],
    ["waiting", 1],
    ["waiting", 2],
  ]);
  const cancel = (who: { id: string }, code: string) => request.post(`${signups(labId)}/${who.id}/cancel`, { data: { code }, headers: { origin } });
  const before = d1(`SELECT id, status FROM lab_signups WHERE lab_id = '${labId}' ORDER BY arrival`);

  const wrong = await cancel(anna, bruno.receipt.code);
  expect(wrong.status()).toBe(404);
  expect((await cancel(anna, "LAB-2222-2222")).status()).toBe(404);
  expect(d1(`SELECT id, status FROM lab_signups WHERE lab_id = '${labId}' ORDER BY arrival`)).toEqual(before);

  const cancelled = await cancel(anna, anna.receipt.code.toLowerCase().replaceAll("-", " "));
  expect(cancelled.status()).toBe(200);
  expect(((await cancelled.json()) as Receipt).status).toBe("cancelled");
  expect(d1(`SELECT status, name, contact FROM lab_signups WHERE lab_id = '${labId}' ORDER BY arrival`)).toEqual([
    { status: "cancelled", name: null, contact: null },
    { status: "confirmed", name: "Bruno Neri", contact: "bruno@example.it" },
    { status: "confirmed", name: "Carla Gialli", contact: "carla@example.it" },
    { status: "waiting", name: "Dario Blu", contact: "dario@example.it" },
  ]);
  expect((await lab(request, labId)).places).toEqual({ taken: 2, waiting: 1, cancelled: 1 });
  // Dario is now first on the list; cancelling again promotes nobody else.
  const dReplay = await request.post(signups(labId), { data: { ...signupBody("Dario Blu", "dario@example.it"), id: dario.id }, headers: { origin } });
  expect(((await dReplay.json()) as Receipt).position).toBe(1);
  expect((await cancel(anna, anna.receipt.code)).status()).toBe(200);
  expect((await lab(request, labId)).places).toEqual({ taken: 2, waiting: 1, cancelled: 1 });
  expect(carla.receipt.status).toBe("waiting");
});

test("after a cancellation each sign-up's own look-up says where it stands now, and the one who moves up is told by e-mail", async ({ request }) => {
  const labId = uniqueId("promosso");
  const input = labInput({ title: "Laboratorio: il curriculum che funziona", min_places: 1, max_places: 1 });
  await putLab(request, labId, input);
  const anna = await signUp(request, labId, signupBody("Anna Verdi", `anna.verdi.${labId}@example.it`));
  const bruno = await signUp(request, labId, signupBody("Bruno Neri", `bruno.neri.${labId}@example.it`));
  const carla = await signUp(request, labId, signupBody("Carla Gialli", "+39 333 123 4567"));
  const dario = await signUp(request, labId, signupBody("Dario Blu", `dario.blu.${labId}@example.it`));
  const lookUp = async (who: { id: string }, code: string) => {
    const response = await request.get(`${signups(labId)}/${who.id}?code=${encodeURIComponent(code)}`);
    return { status: response.status(), receipt: response.status() === 200 ? ((await response.json()) as Receipt) : null };
  };
  const where = async () => {
    const found = [];
    for (const p of [anna, bruno, carla, dario]) {
      const { receipt } = await lookUp(p, p.receipt.code);
      found.push([receipt?.status, receipt?.position ?? null]);
    }
    return found;
  };
  expect(await where()).toEqual([
    ["confirmed", null],
    ["waiting", 1],
    ["waiting", 2],
    ["waiting", 3],
  ]);
  // Another's code, a made-up one, nothing, or a sign-up of another lab: 404, as for cancelling.
  expect((await lookUp(bruno, anna.receipt.code)).status).toBe(404);
  expect((await lookUp(bruno, "LAB-2222-2222")).status).toBe(404);
  expect((await request.get(`${signups(labId)}/${bruno.id}`)).status()).toBe(404);
  expect((await request.get(`${signups("un-altro")}/${bruno.id}?code=${bruno.receipt.code}`)).status()).toBe(404);

  const cancelled = await request.post(`${signups(labId)}/${anna.id}/cancel`, { data: { code: anna.receipt.code }, headers: { origin } });
  expect(cancelled.status()).toBe(200);
  expect(await where()).toEqual([
    ["cancelled", null],
    ["confirmed", null],
    ["waiting", 1],
    ["waiting", 2],
  ]);
  // Typed as a person would (lower case, spaces), the code still finds it; the lab is not cancelled.
  const typed = await lookUp(bruno, bruno.receipt.code.toLowerCase().replaceAll("-", " "));
  expect(typed.receipt).toMatchObject({ lab_id: labId, code: bruno.receipt.code, status: "confirmed" });
  expect(typed.receipt?.lab_cancelled).toBeUndefined();

  // Bruno left an e-mail: the same batch queued the news, with the lab and its first session in Italian time.
  const first = new Date(input.modules[0].sessions[0].starts_at);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(first).map((p) => [p.type, p.value]));
  const mails = mailTo(`bruno.neri.${labId}@example.it`);
  expect(mails).toHaveLength(1);
  expect(mails[0].subject).toBe("Si è liberato un posto: sei iscritto a «Laboratorio: il curriculum che funziona»");
  expect(mails[0].body).toContain("si è liberato un posto: sei iscritto a «Laboratorio: il curriculum che funziona» (Informagiovani di Cremona).");
  expect(mails[0].body).toContain(`Il primo incontro è il ${parts.day}/${parts.month}/${parts.year} alle ${parts.hour}:${parts.minute} (ora italiana).`);
  expect(mails[0].body).toContain(`Il tuo codice d'iscrizione è ${bruno.receipt.code}`);
  expect(mailTo(`dario.blu.${labId}@example.it`)).toEqual([]);

  // Carla left a phone number: she moves up, and nothing is queued for a phone.
  expect((await request.post(`${signups(labId)}/${bruno.id}/cancel`, { data: { code: bruno.receipt.code }, headers: { origin } })).status()).toBe(200);
  expect((await lookUp(carla, carla.receipt.code)).receipt?.status).toBe("confirmed");
  expect((await lookUp(dario, dario.receipt.code)).receipt?.position).toBe(1);
  expect(d1(`SELECT COUNT(*) AS n FROM mail_outbox WHERE body LIKE '%${carla.receipt.code}%'`)).toEqual([{ n: 0 }]);
  expect(mailTo("+39 333 123 4567")).toEqual([]);
});

test("signing up before the opening or after the closing is refused in Italian and stores nothing", async ({ request }) => {
  const early = uniqueId("presto");
  await putLab(request, early, labInput({}, 24, 48));
  const late = uniqueId("tardi");
  await putLab(request, late, labInput({}, -48, -1));
  for (const [labId, code, words] of [
    [early, "lab_not_open", /^Le iscrizioni si aprono il \d\d\/\d\d\/\d{4} alle \d\d:\d\d\.$/],
    [late, "lab_closed", /^Le iscrizioni si sono chiuse il \d\d\/\d\d\/\d{4} alle \d\d:\d\d\.$/],
  ] as const) {
    const response = await request.post(signups(labId), { data: signupBody(), headers: { origin } });
    expect(response.status()).toBe(422);
    const problem = await response.json();
    expect(problem.code).toBe(code);
    expect(problem.detail).toMatch(words);
    expect(d1(`SELECT COUNT(*) AS n FROM lab_signups WHERE lab_id = '${labId}'`)).toEqual([{ n: 0 }]);
  }
});

test("bad sign-ups get Italian field messages and nothing is stored", async ({ request }) => {
  const labId = uniqueId("errori");
  await putLab(request, labId);
  const post = (data: Record<string, unknown>, headers: Record<string, string> = { origin }) => request.post(signups(labId), { data, headers });

  const empty = await post({ ...signupBody(" ", "") });
  expect(empty.status()).toBe(422);
  expect((await empty.json()).errors).toEqual([
    { field: "name", code: "required", message: "Scrivi il tuo nome e cognome." },
    { field: "contact", code: "required", message: "Scrivi un'e-mail o un numero di telefono." },
  ]);
  const contact = await post(signupBody("Sara Rossi", "sara at example"));
  expect(contact.status()).toBe(422);
  expect((await contact.json()).errors[0]).toMatchObject({ field: "contact", code: "not_a_contact", message: expect.stringContaining("e-mail") });
  expect((await post({ ...signupBody(), age_band: "40-50" })).status()).toBe(400);
  expect((await post({ ...signupBody(), id: "non-un-uuid" })).status()).toBe(400);
  expect((await post({ ...signupBody(), data_di_nascita: "2001-01-01" })).status()).toBe(400);
  expect((await post(signupBody(), {})).status()).toBe(403);
  expect((await request.post(signups(uniqueId("nessuno")), { data: signupBody(), headers: { origin } })).status()).toBe(404);
  expect(d1(`SELECT COUNT(*) AS n FROM lab_signups WHERE lab_id = '${labId}'`)).toEqual([{ n: 0 }]);
  expect((await lab(request, labId)).places).toEqual({ taken: 0, waiting: 0, cancelled: 0 });
});

test("a lab's sessions, places and window are checked with Italian messages beside their fields", async ({ request }) => {
  const input = labInput({ min_places: 30, max_places: 20 });
  (input.modules as { sessions: { starts_at: string; ends_at: string }[] }[])[1].sessions[0].ends_at = (input.modules as { sessions: { starts_at: string }[] }[])[1].sessions[0].starts_at;
  const response = await request.put(`/api/v1/labs/${uniqueId("lab")}`, { data: input, headers: await editorHeaders(request) });
  expect(response.status()).toBe(422);
  const errors = (await response.json()).errors as { field: string; message: string }[];
  expect(errors.map((e) => e.field)).toEqual(["min_places", "modules.1.sessions.0.ends_at"]);
  expect(errors[1].message).toBe("L'incontro deve finire dopo l'inizio.");
});

test("an editor's new version of a lab keeps its counts of sign-ups", async ({ request }) => {
  const labId = uniqueId("versione");
  await putLab(request, labId);
  await signUp(request, labId);
  await signUp(request, labId, signupBody("Marta Viola", "marta@example.it"));
  const editor = await editorHeaders(request);
  const updated = await request.put(`/api/v1/labs/${labId}`, { data: labInput({ title: "Comunicare sul lavoro (nuova aula)" }), headers: { ...editor, "if-match": '"1"' } });
  expect(updated.status(), await updated.text()).toBeLessThan(300);
  const now = await lab(request, labId);
  expect(now.places).toEqual({ taken: 2, waiting: 0, cancelled: 0 });
});
