import { expect, test, type Browser, type Page } from "@playwright/test";
import { recruitingDayInput, putRecruitingDay } from "../recruiting";
import { accounts, expectAccessible, fitsTheScreen, uniqueId, waitForServiceWorker } from "../support";

const longCompany = "Cooperativa Sociale Agricola e di Servizi Integrati per l'Inserimento Lavorativo della Bassa Cremonese Onlus";
const longPlace = "Centro per l'Impiego di Casalmaggiore, Sala Polifunzionale al primo piano, via Corsica 2/bis, angolo piazzaleDellaStazioneFerroviariaSenzaSpazi";

function dayInput(id: string) {
  return recruitingDayInput({
    title: `Recruiting day dell'agricoltura ${id}`,
    district: "casalmaggiore",
    place: longPlace,
    companies: [
      { name: longCompany, sector: "environment", roles: [{ title: "Operaio/a agricolo/a stagionale", description: "Raccolta e potatura.", positions: 6 }, { title: "Autista con patente C", positions: 1 }] },
      { name: "Vivai Oglio", roles: [{ title: "Giardiniere/a", positions: 2 }] },
    ],
  });
}

test("the list and a day's page are rendered by the worker, fit small phones, and read offline after a visit", async ({ page, browser, context, request }) => {
  const id = uniqueId("rd");
  await putRecruitingDay(request, id, dayInput(id));

  // Before any wasm runs: the worker's HTML already has the day, its companies and roles.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/recruiting-day");
  await expect(plain.getByTestId("recruiting-days").getByRole("listitem").filter({ hasText: id })).toContainText("2 aziende · 9 posti");
  const response = await plain.goto(`/recruiting-day/${id}`);
  expect(response?.status()).toBe(200);
  await expect(plain.getByRole("heading", { level: 1 })).toContainText(id);
  await expect(plain.getByTestId("companies")).toContainText(longCompany);
  await expect(plain.getByTestId("companies")).toContainText("Operaio/a agricolo/a stagionale · 6 posti");
  await expect(plain.getByTestId("companies")).toContainText("Autista con patente C · 1 posto");
  await expect(plain.getByTestId("place")).toHaveText(longPlace);
  const jsonLd = JSON.parse((await plain.locator('head script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ "@type": "Event", name: `Recruiting day dell'agricoltura ${id}`, location: { name: longPlace }, attendee: [{ name: longCompany }, { name: "Vivai Oglio" }] });
  await noScript.close();

  // The events' page leads to the list; the list to the day.
  await page.goto("/eventi");
  await page.getByRole("link", { name: "Recruiting day: incontra le aziende che assumono" }).click();
  await expect(page).toHaveURL(/\/recruiting-day$/);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const card = page.getByTestId("recruiting-days").getByRole("listitem").filter({ hasText: id });
  await expect(card.getByTestId("size")).toHaveText("2 aziende · 9 posti");
  await fitsTheScreen(page);
  await expectAccessible(page, "/recruiting-day");

  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(id);
  await expect(page.getByRole("heading", { level: 3, name: longCompany })).toBeVisible();
  await expect(page.getByText("Giardiniere/a")).toBeVisible();
  await expect(page.getByTestId("slots")).toContainText("4 orari");
  await fitsTheScreen(page);
  await expectAccessible(page, `/recruiting-day/${id}`);

  // The smallest phones too: long names and addresses wrap, nothing scrolls sideways at 320 px.
  await page.setViewportSize({ width: 320, height: 740 });
  await fitsTheScreen(page);
  await page.goto("/recruiting-day");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await fitsTheScreen(page);

  // The calendar file has the day.
  await page.goto(`/recruiting-day/${id}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await fitsTheScreen(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Aggiungi al calendario" }).click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  expect(text.replace(/\r\n /g, "")).toContain(`/recruiting-day/${id}`);
  expect(file.suggestedFilename()).toBe(`${id}.ics`);

  // Offline, after the visit: the phone's own copy, from its store.
  await expect(page.getByTestId("sync-status")).toContainText("Aggiornato");
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto(`/recruiting-day/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(id);
  await expect(page.getByTestId("companies")).toContainText("Vivai Oglio");
  await page.goto("/recruiting-day");
  await expect(page.getByTestId("recruiting-days").getByRole("listitem").filter({ hasText: id })).toBeVisible();
  await context.setOffline(false);
});

test("days to come are listed first, soonest first, and past ones after", async ({ page, request }) => {
  const tag = uniqueId("ordine");
  await putRecruitingDay(request, `${tag}-dopo`, recruitingDayInput({ title: `Dopo ${tag}` }, 30));
  await putRecruitingDay(request, `${tag}-passato`, recruitingDayInput({ title: `Passato ${tag}` }, -10));
  await putRecruitingDay(request, `${tag}-prima`, recruitingDayInput({ title: `Prima ${tag}` }, 3));
  await page.goto("/recruiting-day");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const titles = await page.getByTestId("recruiting-days").getByRole("heading", { level: 2 }).filter({ hasText: tag }).allTextContents();
  expect(titles).toEqual([`Prima ${tag}`, `Dopo ${tag}`, `Passato ${tag}`]);
  await expect(page.getByTestId("recruiting-days").getByRole("listitem").filter({ hasText: `Passato ${tag}` })).toContainText("Giornata conclusa");
});

test("an unknown recruiting day answers 404 with the app's own page", async ({ page }) => {
  const response = await page.goto(`/recruiting-day/${uniqueId("nessuno")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recruiting day non trovato");
});

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

test("an editor publishes a recruiting day from the desk: a line per company, mistakes beside the field, nothing typed lost", async ({ browser, request }) => {
  const page = await desk(browser);
  await page.getByRole("link", { name: "Nuovo recruiting day" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nuovo: Recruiting day");
  const id = uniqueId("rd-desk");
  const companies = page.getByLabel(/^Aziende e ruoli aperti/);
  await page.getByLabel(/^Identificativo/).fill(id);
  await page.getByLabel(/^Titolo/).fill("Recruiting day del commercio");
  await page.getByLabel(/^Sintesi/).fill("Negozi e supermercati cercano personale per la primavera.");
  await page.getByLabel(/^Inizio \(ora italiana\)/).fill("2099-03-12T09:00");
  await page.getByLabel(/^Fine \(ora italiana\)/).fill("2099-03-12T13:00");
  await page.getByLabel(/^Luogo/).fill("Informagiovani di Crema, via Civerchi 9");
  await page.getByLabel(/^Territorio/).selectOption("crema");
  await companies.fill("Supermercati Serio | commercio | Addetto/a cassa (4); Banconiere/a gastronomia\nOttica Borgo |  | Commesso/a (1)");
  await page.getByLabel(/^Orari dei colloqui/).fill("9:30-11:00 ogni 30");
  await page.getByLabel(/^Descrizione/).fill("Porta il curriculum.");
  await page.getByLabel(/^Organizza/).fill("Informagiovani di Crema");
  await page.getByRole("button", { name: "Pubblica ora" }).click();

  // A role without its positions: said beside the field, in Italian, and every field keeps what was typed.
  const error = page.locator("#companies-error");
  await expect(error).toContainText("Riga 1: indica i posti tra parentesi dopo il ruolo «Banconiere/a gastronomia»");
  await expect(companies).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Titolo/)).toHaveValue("Recruiting day del commercio");
  await expect(page.getByLabel(/^Orari dei colloqui/)).toHaveValue("9:30-11:00 ogni 30");
  expect((await request.get(`/api/v1/recruiting-days/${id}`)).status()).toBe(404);

  // A role with no title reaches the server's checks, and comes back named by its line and role.
  await companies.fill("Supermercati Serio | commercio | Addetto/a cassa (4);  (2)\nOttica Borgo |  | Commesso/a (1)");
  await page.getByRole("button", { name: "Pubblica ora" }).click();
  await expect(error).toHaveText("Riga 1, ruolo 2, titolo: Campo obbligatorio.");

  await companies.fill("Supermercati Serio | commercio | Addetto/a cassa (4); Banconiere/a gastronomia (2)\nOttica Borgo |  | Commesso/a (1)");
  await page.getByRole("button", { name: "Pubblica ora" }).click();
  await expect(page.getByRole("status")).toHaveText("Salvato.");
  const published = await (await request.get(`/api/v1/recruiting-days/${id}`)).json();
  expect(published.companies).toEqual([
    { name: "Supermercati Serio", sector: "sales", roles: [{ title: "Addetto/a cassa", description: "", positions: 4 }, { title: "Banconiere/a gastronomia", description: "", positions: 2 }] },
    { name: "Ottica Borgo", sector: null, roles: [{ title: "Commesso/a", description: "", positions: 1 }] },
  ]);
  // 9:30 in Rome in March is 8:30 UTC.
  expect(published.slots.map((s: string) => new Date(s).toISOString())).toEqual(["2099-03-12T08:30:00.000Z", "2099-03-12T09:00:00.000Z", "2099-03-12T09:30:00.000Z"]);
  await expect(companies).toHaveValue("Supermercati Serio | commercio e vendite | Addetto/a cassa (4); Banconiere/a gastronomia (2)\nOttica Borgo |  | Commesso/a (1)");
  await expect(page.getByLabel(/^Orari dei colloqui/)).toHaveValue("09:30, 10:00, 10:30");
  await expectAccessible(page, "desk recruiting day");
  await page.context().close();
});
