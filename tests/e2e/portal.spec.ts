import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { publishCall } from "../proposals";
import {
  guideInput,
  organisationInput,
  opportunityInput,
  putContent,
  putOpportunity,
  uniqueId,
  uniqueWord,
  waitForServiceWorker,
} from "../support";


test("find a volunteering place in Crema by filter and by search, save it, and open it offline", async ({ page, context, request }) => {
  const word = uniqueWord();
  const id = uniqueId("vol-crema");
  const title = `Servizio Civile ${word} in biblioteca`;
  // Every test's default item is a volunteering place in Crema: a sooner deadline puts this one
  // among the first 30 the list shows, whatever else the suite published.
  await putOpportunity(request, id, opportunityInput({ title, kind: "volunteering", district: "crema", deadline: "2098-12-31" }));
  await putOpportunity(
    request,
    uniqueId("job-crema"),
    opportunityInput({ title: `Magazziniere ${word}`, kind: "job", district: "crema" }),
  );
  await putOpportunity(
    request,
    uniqueId("vol-cremona"),
    opportunityInput({ title: `Volontariato ${word} a Cremona`, kind: "volunteering", district: "cremona" }),
  );

  // By filter: the choices go into the URL, so the search can be shared.
  await page.goto("/opportunita");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.locator("summary", { hasText: "Filtri" }).click();
  await page.getByLabel("Tipo").selectOption({ label: "Volontariato e Servizio Civile" });
  await page.getByLabel("Territorio").selectOption({ label: "Crema" });
  await expect(page).toHaveURL(/tipo=volontariato/);
  await expect(page).toHaveURL(/territorio=crema/);
  const list = page.getByTestId("opportunity-list");
  await expect(list.getByRole("link", { name: title })).toBeVisible();
  await expect(list.getByRole("link", { name: `Magazziniere ${word}` })).toHaveCount(0);
  await expect(list.getByRole("link", { name: `Volontariato ${word} a Cremona` })).toHaveCount(0);

  // The same link opened afresh shows the same list with the filters set.
  await page.goto(`/opportunita?tipo=volontariato&territorio=crema&q=${word}`);
  await expect(page.getByLabel("Territorio")).toHaveValue("crema");
  await expect(list.getByRole("link")).toHaveCount(1);

  // By search from the home page, with a different word form and no accents or capitals.
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Cerca in tutto il sito" }).fill(`${word.toUpperCase()} biblioteche`);
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page).toHaveURL(/\/cerca\?q=/);
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link", { name: title })).toBeVisible();
  await results.getByRole("link", { name: title }).click();

  const save = page.getByRole("button", { name: "Salva" });
  await save.click();
  await expect(page.getByRole("button", { name: "Salvata" })).toHaveAttribute("aria-pressed", "true");
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Salvati" }).click();
  const saved = page.getByTestId("saved-list");
  await expect(saved.getByRole("link", { name: title })).toBeVisible();
  await saved.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Come candidarsi" })).toBeVisible();
  await context.setOffline(false);
});

test("the list follows the keywords as they are typed, and the filters open from a button that shows its state", async ({ page, request }, testInfo) => {
  const word = uniqueWord();
  const title = `Tirocinio ${word} in biblioteca`;
  await putOpportunity(request, uniqueId("kw-lib"), opportunityInput({ title, kind: "internship" }));
  await putOpportunity(request, uniqueId("kw-mag"), opportunityInput({ title: `Magazziniere ${word} in magazzino`, kind: "job" }));
  await page.goto("/opportunita");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const list = page.getByTestId("opportunity-list");
  const keywords = page.getByLabel("Parole chiave");
  // No Enter: the list narrows while typing, and the space between words stays.
  await keywords.pressSequentially(`${word} bibl`, { delay: 30 });
  await expect(list.getByRole("link", { name: title })).toBeVisible();
  await expect(list.getByRole("link", { name: `Magazziniere ${word} in magazzino` })).toHaveCount(0);
  await expect(keywords).toHaveValue(`${word} bibl`);
  await expect(page).toHaveURL(new RegExp(`q=${word}%20bibl`));

  const filters = page.locator("summary", { hasText: "Filtri" });
  await expect(filters).toHaveCSS("border-top-style", "solid");
  await page.screenshot({ path: testInfo.outputPath("filtri-chiusi.png") });
  await filters.click();
  await expect(page.getByLabel("Ordina per")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("filtri-aperti.png") });
  // "Scadenza più vicina" is whole: the sort field spans the form.
  const sort = (await page.getByLabel("Ordina per").boundingBox())!;
  expect(sort.width).toBeGreaterThan(250);
});

test("search across everything narrows to a district", async ({ page, request }) => {
  const word = uniqueWord();
  await putOpportunity(request, uniqueId("cerca-crema"), opportunityInput({ title: `Tirocinio ${word} a Crema`, kind: "internship", district: "crema" }));
  await putOpportunity(request, uniqueId("cerca-cremona"), opportunityInput({ title: `Tirocinio ${word} a Cremona`, kind: "internship", district: "cremona" }));
  await page.goto(`/cerca?q=${word}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link")).toHaveCount(2);
  await page.getByLabel("Territorio").selectOption({ label: "Crema" });
  await expect(page).toHaveURL(/territorio=crema/);
  await expect(results.getByRole("link", { name: `Tirocinio ${word} a Crema` })).toBeVisible();
  await expect(results.getByRole("link")).toHaveCount(1);
  // The address carries the choice: opened afresh, the page shows the same.
  await page.goto(`/cerca?q=${word}&territorio=cremona`);
  await expect(page.getByLabel("Territorio")).toHaveValue("cremona");
  await expect(results.getByRole("link", { name: `Tirocinio ${word} a Cremona` })).toBeVisible();
  await expect(results.getByRole("link")).toHaveCount(1);
});

test("a ticked tutorial step is still ticked after a reload", async ({ page, request }) => {
  const id = uniqueId("guide");
  await putContent(request, "guides", id, guideInput({ title: `Guida ${uniqueWord()}` }));
  await page.goto(`/guide/${id}`);
  // The page arrives rendered by the worker; ticks count once the app runs it.
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const first = page.getByRole("checkbox", { name: "Leggi l'annuncio" });
  await expect(first).not.toBeChecked();
  await expect(page.getByTestId("progress")).toHaveText("Passi fatti: 0 su 2");
  await first.check();
  await expect(page.getByTestId("progress")).toHaveText("Passi fatti: 1 su 2");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByRole("checkbox", { name: "Leggi l'annuncio" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Prepara tre domande" })).not.toBeChecked();
  await expect(page.getByTestId("progress")).toHaveText("Passi fatti: 1 su 2");
});

test("the directory finds a service and offers tap-to-call and a map", async ({ page, request }) => {
  const word = uniqueWord();
  await putContent(request, "organisations", uniqueId("org"), organisationInput(`Informagiovani ${word}`));
  await page.goto("/rete");
  await page.getByLabel("Cerca un servizio").fill(word);
  const entry = page.getByTestId("directory").getByRole("listitem").filter({ hasText: `Informagiovani ${word}` });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole("link", { name: /Chiama/ })).toHaveAttribute("href", "tel:+390373000123");
  await expect(entry.getByRole("link", { name: "Mappa" })).toHaveAttribute("href", /openstreetmap\.org\/search\?query=Via\+Dante\+1/);
});

test("English is the second language, and the choice is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opportunità per i giovani della provincia di Cremona");
  // The language button works once the app runs the server's page.
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.getByTestId("language").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opportunities for young people in the province of Cremona");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opportunities for young people in the province of Cremona");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.getByTestId("language").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
});

test("the detail URL carries title, Open Graph and JSON-LD in the HTML itself", async ({ request }) => {
  const id = uniqueId("jsonld");
  await putOpportunity(request, id, opportunityInput({ kind: "internship", title: "Tirocinio in ufficio stampa" }));
  const response = await request.get(`/opportunita/${id}`, { headers: { accept: "text/html" } });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain("<title>Tirocinio in ufficio stampa · SI.T.O. Giovani</title>");
  expect(html).toContain('<meta property="og:title" content="Tirocinio in ufficio stampa">');
  const jsonLd = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s);
  expect(jsonLd).not.toBeNull();
  const data = JSON.parse(jsonLd![1]);
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: "Tirocinio in ufficio stampa",
    employmentType: "INTERN",
    hiringOrganization: { name: "Comune di Crema" },
  });
  const missing = await request.get("/opportunita/does-not-exist");
  expect(missing.status()).toBe(404);
});

test("feeds: Atom per kind and an iCalendar of deadlines", async ({ request }) => {
  const title = `Bando giovani ${uniqueWord()}`;
  await putOpportunity(request, uniqueId("feed"), opportunityInput({ kind: "call", title, deadline: "2099-06-30" }));
  const atom = await request.get("/api/v1/feeds/opportunities.atom");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  expect(await atom.text()).toContain(`<title>${title}</title>`);
  const ics = await request.get("/api/v1/feeds/scadenze.ics");
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const text = (await ics.text()).replace(/\r\n /g, "");
  expect(text).toContain(`SUMMARY:Scadenza: ${title}`);
  expect(text).toContain("DTSTART;VALUE=DATE:20990630");
  expect((await request.get("/api/v1/feeds/nothing.atom")).status()).toBe(404);
});

for (const path of [
  "/",
  "/opportunita",
  "/opportunita?tipo=tirocinio&territorio=crema",
  "/opportunita/nessuna",
  "/guide",
  "/salvati",
  "/rete",
  "/eventi",
  "/notizie",
  "/cerca?q=lavoro",
  "/come-lavoriamo",
  "/esperto",
  "/pagina-inesistente",
]) {
  test(`no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("sync-status")).not.toContainText("in corso");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

test("detail pages of every kind are accessible and say who published them and when, with one separator", async ({ page, request }) => {
  const opp = uniqueId("a11y-opp");
  const guide = uniqueId("a11y-guide");
  const news = uniqueId("a11y-news");
  await putOpportunity(request, opp);
  await putContent(request, "guides", guide, guideInput());
  const call = await publishCall(request);
  await putContent(request, "news", news, {
    title: "Nuovo bando",
    summary: "Domande entro marzo.",
    body_md: "Testo della **notizia**.",
    published_on: "2026-11-20",
    district: "cremona",
  });
  for (const path of [`/opportunita/${opp}`, `/guide/${guide}`, `/notizie/${news}`, `/bandi/${call}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/^Pubblicato da /)).toHaveText(/^Pubblicato da [^·]+ · aggiornato il \d/);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
  }
});
