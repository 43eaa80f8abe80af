import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../../playwright.config";
import { publishCall } from "../proposals";
import {
  editorHeaders,
  expectAccessible,
  guideInput,
  organisationInput,
  opportunityInput,
  putContent,
  putOpportunity,
  uniqueId,
  uniqueWord,
  waitForServiceWorker,
} from "../support";

/** One published item of every kind, each with a word no other test uses. */
async function publishOneOfEach(request: APIRequestContext) {
  const word = uniqueWord();
  const ids = {
    job: uniqueId("ssr-job"),
    volunteering: uniqueId("ssr-vol"),
    event: uniqueId("ssr-event"),
    guide: uniqueId("ssr-guide"),
    news: uniqueId("ssr-news"),
    organisation: uniqueId("ssr-org"),
  };
  const titles = {
    job: `Magazziniere ${word} a Cremona`,
    volunteering: `Servizio Civile ${word} a Crema`,
    event: `Career day ${word}`,
    guide: `Il primo colloquio ${word}`,
    news: `Aperte le iscrizioni ${word}`,
    organisation: `Informagiovani ${word}`,
    call: `Think Town ${word}`,
    question: `Quanto dura un tirocinio ${word}?`,
  };
  await putOpportunity(request, ids.job, opportunityInput({ title: titles.job, kind: "job", district: "cremona" }));
  await putOpportunity(
    request,
    ids.volunteering,
    opportunityInput({ title: titles.volunteering, kind: "volunteering", district: "crema" }),
  );
  await putOpportunity(
    request,
    ids.event,
    opportunityInput({
      title: titles.event,
      kind: "event",
      district: "cremona",
      starts_on: "2099-06-10",
      ends_on: "2099-06-10",
      deadline: null,
    }),
  );
  await putContent(request, "guides", ids.guide, guideInput({ title: titles.guide }));
  await putContent(request, "news", ids.news, {
    title: titles.news,
    summary: "Domande entro marzo.",
    body_md: "Testo della **notizia**.",
    published_on: "2099-01-01",
    district: "cremona",
  });
  await putContent(request, "organisations", ids.organisation, organisationInput(titles.organisation));
  const call = await publishCall(request, { title: titles.call });
  // A question from a phone, answered and published by an editor.
  const asked = await request.post("/api/v1/questions", {
    data: { id: randomUUID(), topic: "internships", text: titles.question },
    headers: { origin },
  });
  expect(asked.status(), await asked.text()).toBe(201);
  const listed = (await (await request.get("/api/v1/desk/questions", { headers: await editorHeaders(request) })).json()) as {
    id: string;
    text: string;
  }[];
  const question = listed.find((q) => q.text === titles.question)!;
  const answered = await request.put(`/api/v1/desk/questions/${question.id}/answer`, {
    data: {
      topic: "internships",
      question: titles.question,
      answer_md: "Fino a **12 mesi**.",
      answered_by: "Centro per l'Impiego di Cremona",
      publish: true,
    },
    headers: await editorHeaders(request),
  });
  expect(answered.status(), await answered.text()).toBe(200);
  const answer = ((await answered.json()) as { answer_id?: string; id?: string }).answer_id;
  return { word, ids: { ...ids, call, answer }, titles };
}

/** The visible text of the HTML the worker sends for `path` (no script runs). */
async function renderedText(request: APIRequestContext, path: string, status = 200) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(status);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  return html;
}

test("every portal page arrives from the worker with its content, readable and accessible without script", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { ids, titles } = await publishOneOfEach(request);
  const pages: [string, string[]][] = [
    ["/", ["Opportunità per i giovani della provincia di Cremona", titles.news]],
    ["/opportunita", ["Opportunità", "Applica i filtri"]],
    // The list shows its first 30 by deadline: the test's own items, by their shared word.
    [`/opportunita?q=${titles.job.split(" ")[1]}`, [titles.job, titles.volunteering]],
    [`/opportunita/${ids.job}`, [titles.job, "Come candidarsi"]],
    ["/guide", [titles.guide]],
    [`/guide/${ids.guide}`, [titles.guide, "Prepara tre domande"]],
    ["/bandi", [titles.call]],
    [`/bandi/${ids.call}`, [titles.call]],
    ["/notizie", [titles.news]],
    [`/notizie/${ids.news}`, [titles.news]],
    ["/eventi", [titles.event]],
    ["/rete", [titles.organisation]],
    [`/cerca?q=${encodeURIComponent(titles.job.split(" ")[1])}`, [titles.job]],
    ["/esperto", [titles.question]],
    ["/salvati", ["Salvati"]],
    ["/come-lavoriamo", ["Come scegliamo le informazioni"]],
  ];
  if (ids.answer) pages.push([`/esperto/${ids.answer}`, [titles.question]]);
  for (const [path, texts] of pages) {
    const html = await renderedText(request, path);
    for (const text of texts) expect(html, `${path} carries «${text}»`).toContain(text);
    // The data the page was rendered from travels with it, for the app to hydrate from.
    expect(html, path).toContain('id="sito-seed"');
  }

  // The same pages in a browser with JavaScript off: the content is on screen.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "it-IT" });
  const page = await noScript.newPage();
  for (const [path, texts] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(texts[0], { exact: false }).first()).toBeVisible();
  }
  await noScript.close();
  // And axe finds nothing in the HTML as the worker sent it: the app's code is held back, so
  // what axe reads is the server's DOM (axe itself needs script to run).
  const serverOnly = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "it-IT" });
  const audited = await serverOnly.newPage();
  await audited.route(/\.(wasm|js)$/, (route) => route.abort());
  for (const [path] of pages) {
    await audited.goto(path);
    await expectAccessible(audited, path);
  }
  await serverOnly.close();
});

test("without script the opportunities filter is a form that reloads the list, and links lead on", async ({ browser, request }) => {
  const { titles } = await publishOneOfEach(request);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "it-IT" });
  const page = await context.newPage();
  await page.goto("/opportunita");
  await page.locator("summary", { hasText: "Filtri" }).click();
  await page.getByLabel("Territorio").selectOption({ label: "Crema" });
  await page.getByLabel("Parole chiave").fill(titles.volunteering.split(" ")[2]);
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(page).toHaveURL(/territorio=crema/);
  const list = page.getByTestId("opportunity-list");
  await expect(list.getByRole("link")).toHaveCount(1);
  await expect(list.getByRole("link", { name: titles.volunteering })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("1 opportunità");
  // The filters show what the list was filtered by.
  await expect(page.getByLabel("Territorio")).toHaveValue("crema");
  // A card leads to the item, and the bottom navigation leads on.
  await list.getByRole("link", { name: titles.volunteering }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titles.volunteering);
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Guide" }).click();
  await expect(page).toHaveURL(/\/guide$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guide");
  await context.close();
});

test("\"Mostra altre\" is a link: results 31–60 without script, in the worker's HTML, and in the running app with the address kept", async ({ browser, page, request }) => {
  test.setTimeout(180_000);
  const word = uniqueWord();
  // Same kind and deadline: the list orders them by title, so number n is the n-th result.
  const title = (n: number) => `Tirocinio ${word} numero ${String(n).padStart(2, "0")}`;
  for (let n = 1; n <= 62; n += 1) {
    await putOpportunity(request, uniqueId("ssr-more"), opportunityInput({ title: title(n), kind: "internship" }));
  }
  const cards = (p: Page) => p.getByTestId("opportunity-list").getByRole("listitem");
  const card = (p: Page, n: number) => p.getByTestId("opportunity-list").getByRole("link", { name: title(n), exact: true });

  // The worker renders the address with the 31st to the 60th result in it.
  const html = await renderedText(request, `/opportunita?q=${word}&mostra=60`);
  expect(html).toContain(title(31));
  expect(html).toContain(title(60));
  expect(html).not.toContain(title(61));

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "it-IT" });
  const plain = await context.newPage();
  await plain.goto(`/opportunita?q=${word}`);
  await expect(plain.getByTestId("result-count")).toHaveText("62 opportunità");
  await expect(cards(plain)).toHaveCount(30);
  await expect(card(plain, 30)).toBeVisible();
  await expect(card(plain, 31)).toHaveCount(0);
  await plain.getByRole("link", { name: "Mostra altre 30" }).click();
  await expect(plain).toHaveURL(/mostra=60/);
  await expect(cards(plain)).toHaveCount(60);
  await expect(card(plain, 31)).toBeVisible();
  await expect(card(plain, 60)).toBeVisible();
  await expect(card(plain, 61)).toHaveCount(0);
  await plain.getByRole("link", { name: "Mostra altre 2" }).click();
  await expect(cards(plain)).toHaveCount(62);
  await expect(plain.getByRole("link", { name: /Mostra altre/ })).toHaveCount(0);
  // The search over everything is bounded the same way, and counts all it found.
  const hits = (p: Page) => p.getByTestId("search-results").getByRole("listitem");
  await plain.goto(`/cerca?q=${word}`);
  await expect(plain.getByRole("status").filter({ hasText: "Risultati" })).toHaveText("Risultati: 62");
  await expect(hits(plain)).toHaveCount(30);
  await plain.getByRole("link", { name: "Mostra altre 30" }).click();
  await expect(plain).toHaveURL(/mostra=60/);
  await expect(hits(plain)).toHaveCount(60);
  await context.close();

  // axe reads the longer page as the worker sent it (the app's code held back).
  const serverOnly = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "it-IT" });
  const audited = await serverOnly.newPage();
  await audited.route(/\.(wasm|js)$/, (route) => route.abort());
  await audited.goto(`/opportunita?q=${word}&mostra=60`);
  await expect(card(audited, 60)).toBeVisible();
  await expectAccessible(audited, "/opportunita?mostra=60");
  await serverOnly.close();

  // In the running app the list grows in place, and the address says how far.
  await page.goto(`/opportunita?q=${word}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole("link", { name: "Mostra altre 30" }).click();
  await expect(cards(page)).toHaveCount(60);
  await expect(card(page, 31)).toBeVisible();
  await expect(page).toHaveURL(/mostra=60/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expectAccessible(page, "/opportunita?mostra=60 in the app");
  // A reload, or the same link opened elsewhere, shows as many.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(cards(page)).toHaveCount(60);
  await expect(card(page, 60)).toBeVisible();
  // So does the search, in place.
  await page.goto(`/cerca?q=${word}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(hits(page)).toHaveCount(30);
  await page.getByRole("link", { name: "Mostra altre 30" }).click();
  await expect(hits(page)).toHaveCount(60);
  await expect(page).toHaveURL(/mostra=60/);
  await expect(page.getByRole("status").filter({ hasText: "Risultati" })).toHaveText("Risultati: 62");
});

test("an unknown address and an unpublished item answer 404 with the app's own page", async ({ request }) => {
  const unknown = await renderedText(request, "/non-esiste-questa-pagina", 404);
  expect(unknown).toContain("Pagina non trovata");
  await renderedText(request, `/opportunita/${uniqueId("mai-pubblicata")}`, 404);
  await renderedText(request, `/guide/${uniqueId("mai-pubblicata")}`, 404);
});

/** Holds the portal's wasm back until `release` is called, so a test can touch the server's DOM
 * before the app starts. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("the app takes over the server's page without re-creating it, and works from there", async ({ page, request }) => {
  const { titles } = await publishOneOfEach(request);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /hydrat/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const release = await holdWasm(page);
  await page.goto("/opportunita");
  // The content is there before any wasm ran.
  await expect(page.getByTestId("opportunity-list").getByRole("link", { name: titles.job })).toBeVisible();
  await page.evaluate(() => {
    document.querySelector("main h1")!.setAttribute("data-from-server", "yes");
    document.querySelector("header.top")!.setAttribute("data-from-server", "yes");
    document.querySelector("[data-testid=opportunity-list] > li")!.setAttribute("data-from-server", "yes");
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  release();
  // The app is running: the sync client has reported.
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
  // The very nodes the server sent are the app's: nothing was mounted beside or over them.
  await expect(page.locator("main h1")).toHaveAttribute("data-from-server", "yes");
  await expect(page.locator("header.top")).toHaveAttribute("data-from-server", "yes");
  // The list too, though the first sync has meanwhile filled the phone's store with the same items.
  await expect(page.getByTestId("opportunity-list").getByRole("listitem").first()).toHaveAttribute("data-from-server", "yes");
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("nav.bottom")).toHaveCount(1);

  // A filter works after hydration, in the page (no reload).
  await page.locator("summary", { hasText: "Filtri" }).click();
  await page.getByLabel("Territorio").selectOption({ label: "Crema" });
  await expect(page).toHaveURL(/territorio=crema/);
  // The list shows its first 30 by deadline, whatever else was published: the word finds ours.
  await page.getByRole("searchbox", { name: "Parole chiave" }).fill(titles.volunteering.split(" ")[2]);
  await page.getByRole("searchbox", { name: "Parole chiave" }).press("Enter");
  await expect(page).toHaveURL(/q=.*territorio=crema/);
  const list = page.getByTestId("opportunity-list");
  await expect(list.getByRole("link", { name: titles.volunteering })).toBeVisible();
  await expect(list.getByRole("link", { name: titles.job })).toHaveCount(0);

  // Saving works, and so does the bottom navigation, still without a reload.
  await list.getByRole("link", { name: titles.volunteering }).click();
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("button", { name: "Salvata" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Salvati" }).click();
  await expect(page.getByTestId("saved-list").getByRole("link", { name: titles.volunteering })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(problems).toEqual([]);
});

test("a tap on \"Salva\" before the app runs is kept and done once it runs", async ({ page, request }) => {
  const id = uniqueId("ssr-early");
  const title = `Tirocinio ${uniqueWord()}`;
  await putOpportunity(request, id, opportunityInput({ title }));
  const release = await holdWasm(page);
  await page.goto(`/opportunita/${id}`);
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "attiva");
  release();
  await expect(page.getByRole("button", { name: "Salvata" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Salvati" }).click();
  await expect(page.getByTestId("saved-list").getByRole("link", { name: title })).toBeVisible();
});

test("a filter chosen before the app runs is kept when the next one is chosen after", async ({ page, request }) => {
  const { titles } = await publishOneOfEach(request);
  const release = await holdWasm(page);
  await page.goto(`/opportunita?q=${encodeURIComponent(titles.volunteering.split(" ")[2])}`);
  await page.locator("summary", { hasText: "Filtri" }).click();
  await page.getByLabel("Tipo").selectOption({ label: "Volontariato e Servizio Civile" });
  release();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.getByLabel("Territorio").selectOption({ label: "Crema" });
  await expect(page).toHaveURL(/tipo=volontariato/);
  await expect(page).toHaveURL(/territorio=crema/);
  await expect(page.getByLabel("Tipo")).toHaveValue("volontariato");
  const list = page.getByTestId("opportunity-list");
  await expect(list.getByRole("link", { name: titles.volunteering })).toBeVisible();
  await expect(list.getByRole("link")).toHaveCount(1);
});

test("a district chosen on the search page before the app runs is kept when the next search is made after", async ({ page, request }) => {
  const word = uniqueWord();
  await putOpportunity(request, uniqueId("cerca-early-crema"), opportunityInput({ title: `Tirocinio ${word} a Crema`, kind: "internship", district: "crema" }));
  await putOpportunity(request, uniqueId("cerca-early-cremona"), opportunityInput({ title: `Tirocinio ${word} a Cremona`, kind: "internship", district: "cremona" }));
  const release = await holdWasm(page);
  await page.goto(`/cerca?q=${word}`);
  await page.getByLabel("Territorio").selectOption({ label: "Crema" });
  release();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const box = page.getByRole("searchbox", { name: "Cerca in tutto il sito" });
  await box.fill(`tirocinio ${word}`);
  await box.press("Enter");
  await expect(page).toHaveURL(/territorio=crema/);
  await expect(page.getByLabel("Territorio")).toHaveValue("crema");
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("link", { name: `Tirocinio ${word} a Crema` })).toBeVisible();
  await expect(results.getByRole("link")).toHaveCount(1);
});

test("on a first visit the page works from the data it came with, before any sync answers", async ({ page, request }) => {
  const { titles } = await publishOneOfEach(request);
  // The sync feed never answers in this visit.
  await page.route("**/api/v1/sync**", () => {});
  await page.goto(`/opportunita?territorio=crema&q=${encodeURIComponent(titles.volunteering.split(" ")[2])}`);
  const list = page.getByTestId("opportunity-list");
  await expect(list.getByRole("link", { name: titles.volunteering })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("1 opportunità");
  // Still the app's page after it started: a change of filter is answered from what it holds.
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.getByRole("searchbox", { name: "Parole chiave" }).fill("");
  await page.getByRole("searchbox", { name: "Parole chiave" }).press("Enter");
  await expect(page).toHaveURL(/\/opportunita\?territorio=crema$/);
});

test("offline, a page never opened online still opens, from the device's data", async ({ page, context, request }) => {
  const { titles } = await publishOneOfEach(request);
  await page.goto("/");
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto("/eventi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agenda degli eventi");
  await expect(page.getByText(titles.event)).toBeVisible();
  await page.goto("/rete");
  await expect(page.getByText(titles.organisation)).toBeVisible();
  await context.setOffline(false);
});

test("a published change is in the very next page the worker renders", async ({ request }) => {
  const id = uniqueId("ssr-change");
  const before = `Tirocinio ${uniqueWord()}`;
  const after = `Tirocinio ${uniqueWord()}`;
  const first = await putOpportunity(request, id, opportunityInput({ title: before }));
  expect(await renderedText(request, `/opportunita/${id}`)).toContain(before);
  // The worker keeps the lists it rendered from while nothing changes: read them once first.
  expect(await renderedText(request, `/opportunita?q=${before.split(" ")[1]}`)).toContain(before);
  expect(await renderedText(request, `/cerca?q=${before.split(" ")[1]}`)).toContain(before);
  const second = await putOpportunity(request, id, opportunityInput({ title: after }), first.version);
  const html = await renderedText(request, `/opportunita/${id}`);
  expect(html).toContain(after);
  expect(html).not.toContain(before);
  expect(await renderedText(request, `/opportunita?q=${after.split(" ")[1]}`)).toContain(after);
  expect(await renderedText(request, `/opportunita?q=${before.split(" ")[1]}`)).not.toContain(before);
  expect(await renderedText(request, `/cerca?q=${after.split(" ")[1]}`)).toContain(after);
  expect(await renderedText(request, `/opportunita?territorio=crema&q=${after.split(" ")[1]}`)).toContain(after);
  // Retired, it is gone at once.
  const retired = await request.delete(`/api/v1/opportunities/${id}`, {
    headers: { ...(await editorHeaders(request)), "if-match": `"${second.version}"` },
  });
  expect(retired.status()).toBeLessThan(300);
  await renderedText(request, `/opportunita/${id}`, 404);
  expect(await renderedText(request, `/opportunita?q=${after.split(" ")[1]}`)).not.toContain(after);
  expect(await renderedText(request, `/opportunita?territorio=crema&q=${after.split(" ")[1]}`)).not.toContain(after);
  expect(await renderedText(request, `/cerca?q=${after.split(" ")[1]}`)).not.toContain(after);
});

test.describe("on a first visit (no service worker yet)", () => {
  // Once the service worker is installed, every navigation gets the whole portal from its cache.
  test.use({ serviceWorkers: "block" });

  test("a first visit to an everyday page runs the portal's smaller wasm; a page only the whole portal has loads it, once", async ({ page, request }) => {
    const { ids } = await publishOneOfEach(request);
    const everyday = ["/", "/opportunita", `/opportunita/${ids.job}`, "/guide", `/guide/${ids.guide}`, "/notizie", "/cerca?q=tirocinio", "/salvati"];
    const whole = ["/bandi", `/bandi/${ids.call}`, "/eventi", "/rete", "/esperto", "/come-lavoriamo", "/per-te", "/recruiting-day"];
    if (ids.answer) whole.push(`/esperto/${ids.answer}`);
    for (const path of [...everyday, ...whole]) {
      const html = await renderedText(request, path);
      const wasm = html.match(/\/(sito-[a-z]+)-[0-9a-f]{1,16}_bg\.wasm/)?.[1];
      expect(wasm, path).toBe(everyday.includes(path) ? "sito-portale" : "sito-app");
    }

    // Each page is taken over by the wasm it came with, without loading itself again.
    const documents: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "document") documents.push(new URL(r.url()).pathname);
    });
    for (const path of ["/opportunita", "/esperto"]) {
      documents.length = 0;
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
      await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
      expect(documents, path).toEqual([path]);
    }

    // From an everyday page, the bottom navigation's "Servizi" is one full load of the whole portal.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
    documents.length = 0;
    await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Servizi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Servizi del territorio");
    await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
    await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
    expect(documents).toEqual(["/rete"]);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")));
    expect(loaded.some((n) => /\/sito-app-[0-9a-f]{1,16}_bg\.wasm$/.test(n))).toBe(true);
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
  });
});
