import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { origin } from "../../playwright.config";
import { labInput, lab, putLab, signUp, signupBody } from "../labs";
import { accounts, d1, editorHeaders, expectAccessible, mailTo, uniqueId } from "../support";

/** A laptop browser signed in to the desk as the editor. */
async function desk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "it-IT", timezoneId: "Europe/Rome" });
  const page = await context.newPage();
  await page.goto("/redazione/accesso");
  await page.getByLabel("E-mail").fill(accounts.editor.email);
  await page.getByLabel("Password").fill(accounts.editor.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contenuti" })).toBeVisible();
  return page;
}

const reads = (labId: string, action: string) =>
  Number(d1(`SELECT COUNT(*) AS n FROM audit_log WHERE kind = 'lab' AND item_id = '${labId}' AND action = '${action}'`)[0].n);

test("an editor publishes a lab from the desk, with its sessions typed in Italian time", async ({ browser, request }) => {
  const page = await desk(browser);
  await page.goto("/redazione/nuovo/labs");
  const id = uniqueId("dal-desk");
  await page.getByLabel("Identificativo nell'indirizzo").fill(id);
  await page.getByLabel("Tipo").selectOption("seminar");
  await page.getByLabel("Titolo").fill("Progettare un'idea: bisogni e obiettivi");
  await page.getByLabel("Sintesi").fill("Il primo dei tre moduli di progettazione per le associazioni.");
  await page.getByLabel("Descrizione").fill("Porta la tua idea.");
  await page.getByLabel("Moduli e incontri (ora italiana)").fill("Bisogni e obiettivi | 2099-03-10 17:00 | 19:30 | Sala Giovani, Crema\nAzioni e fasi | 2099-03-17 17:00 | 19:30 | https://meet.example.org/fasi");
  await page.getByLabel("Per chi").selectOption("associations");
  await page.getByLabel("Età minima").fill("18");
  await page.getByLabel("Età massima").fill("35");
  await page.getByLabel("Territori").fill("crema");
  await page.getByLabel("Minimo di partecipanti").fill("10");
  await page.getByLabel("Posti").fill("20");
  await page.getByLabel("Apertura iscrizioni (ora italiana)").fill("2099-02-01T09:00");
  await page.getByLabel("Chiusura iscrizioni (ora italiana)").fill("2099-03-01T12:00");
  await page.getByLabel("Organizza").fill("Informagiovani di Crema");
  await page.getByRole("button", { name: "Pubblica ora" }).click();
  await expect(page.getByRole("status")).toHaveText("Salvato.");
  const published = await (await request.get(`/api/v1/labs/${id}`)).json();
  expect(published.modules.map((m: { title: string }) => m.title)).toEqual(["Bisogni e obiettivi", "Azioni e fasi"]);
  // 17:00 in Rome in March is 16:00 UTC.
  expect(published.modules[0].sessions[0].starts_at).toBe("2099-03-10T16:00:00.000Z");
  expect(published.places).toEqual({ taken: 0, waiting: 0, cancelled: 0 });
});

test("staff see the sign-ups and the waiting list, each read in the audit log; mark attendance, message everyone and export the CSV", async ({ browser, request }) => {
  const labId = uniqueId("desk");
  await putLab(request, labId, labInput({ min_places: 1, max_places: 2 }));
  const anna = await signUp(request, labId, signupBody("=Anna Verdi", "anna.verdi@example.it"));
  await signUp(request, labId, signupBody("Bruno Neri", "+39 333 222 3333"));
  await signUp(request, labId, signupBody("Carla Gialli", "carla.gialli@example.it"));

  // No session, no names.
  const stranger = await playwrightRequest.newContext({ baseURL: origin });
  const anonymous = await stranger.get(`/redazione/laboratori/${labId}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(303);
  expect(await anonymous.text()).not.toContain("Bruno Neri");
  await stranger.dispose();

  const page = await desk(browser);
  const before = reads(labId, "read_signups");
  await page.getByRole("link", { name: "Laboratori", exact: true }).click();
  await page.getByRole("link", { name: "Laboratorio professional skills: comunicare sul lavoro" }).first().waitFor();
  await page.goto(`/redazione/laboratori/${labId}`);
  expect(reads(labId, "read_signups")).toBe(before + 1);
  const tables = page.getByRole("table");
  await expect(tables.nth(0)).toContainText("=Anna Verdi");
  await expect(tables.nth(0)).toContainText("Bruno Neri");
  await expect(tables.nth(1)).toContainText("Carla Gialli");
  await expectAccessible(page, "/redazione/laboratori/{id}");

  await page.getByRole("row", { name: /Bruno Neri/ }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Salva le presenze" }).click();
  await expect(page.getByRole("status")).toHaveText("Presenze salvate: 1.");
  expect(d1(`SELECT name, attended FROM lab_signups WHERE lab_id = '${labId}' AND status = 'confirmed' ORDER BY arrival`)).toEqual([
    { name: "=Anna Verdi", attended: 0 },
    { name: "Bruno Neri", attended: 1 },
  ]);

  await page.getByLabel("Messaggio (per esempio un cambio d'aula)").fill("Ci vediamo in aula 2, al primo piano.");
  await page.getByRole("button", { name: "Invia il messaggio" }).click();
  await expect(page.getByRole("status")).toHaveText("Messaggio inviato a 2 indirizzi e-mail.");
  expect(mailTo("anna.verdi@example.it").at(-1)?.body).toContain("Ci vediamo in aula 2, al primo piano.");
  expect(mailTo("carla.gialli@example.it").at(-1)?.body).toContain("Ci vediamo in aula 2");

  const exports = reads(labId, "export_signups");
  const csv = await request.get(`/redazione/laboratori/${labId}/iscrizioni.csv`, { headers: await editorHeaders(request) });
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("Codice;Nome;E-mail o telefono;Fascia d'età;Stato;Posizione in lista d'attesa;Presente;Iscrizione (ora italiana)");
  expect(lines[1]).toMatch(new RegExp(`^${anna.receipt.code};'=Anna Verdi;anna.verdi@example.it;18-24;Iscritto;;no;`));
  expect(lines[3]).toMatch(/;Carla Gialli;carla.gialli@example.it;18-24;In lista d'attesa;1;no;/);
  expect(reads(labId, "export_signups")).toBe(exports + 1);
});

test("a lab below its minimum at closing can be cancelled: everyone sees «Annullato» and no one can sign up", async ({ browser, request }) => {
  const labId = uniqueId("annullato");
  await putLab(request, labId, labInput({ min_places: 5, max_places: 10 }));
  const dario = await signUp(request, labId, signupBody("Dario Blu", "dario.blu@example.it"));
  const page = await desk(browser);
  // While sign-ups are open the desk offers no cancelling.
  await page.goto(`/redazione/laboratori/${labId}`);
  await expect(page.getByRole("button", { name: "Annulla il laboratorio" })).toHaveCount(0);

  // Closed with one sign-up of the five needed.
  const closed = await request.put(`/api/v1/labs/${labId}`, { data: labInput({ min_places: 5, max_places: 10 }, -48, -1), headers: { ...(await editorHeaders(request)), "if-match": '"1"' } });
  expect(closed.status(), await closed.text()).toBe(200);
  await page.goto(`/redazione/laboratori/${labId}`);
  await page.getByRole("button", { name: "Annulla il laboratorio" }).click();
  await expect(page.getByRole("status")).toHaveText("Laboratorio annullato: tutti vedono «Annullato».");
  expect((await lab(request, labId)).cancelled).toBe(true);
  expect(mailTo("dario.blu@example.it").at(-1)?.subject).toBe("Laboratorio annullato");
  // Dario's own look-up says so too.
  const looked = await request.get(`/api/v1/labs/${labId}/signups/${dario.id}?code=${dario.receipt.code}`);
  expect(await looked.json()).toMatchObject({ status: "confirmed", lab_cancelled: true });

  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(`/laboratori/${labId}`);
  await expect(phone.getByTestId("places")).toHaveText("Annullato");
  const refused = await request.post(`/api/v1/labs/${labId}/signups`, { data: signupBody(), headers: { origin: new URL(phone.url()).origin } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).code).toBe("lab_cancelled");
});
