import { expect, test } from "@playwright/test";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../../playwright.config";
import { publishCall } from "../proposals";
import { editorHeaders, guideInput, loadDemoContent, opportunityInput, organisationInput, putContent, putOpportunity, uniqueId } from "../support";

// Reflow (WCAG 1.4.10) and target size (WCAG 2.5.8) on the narrowest phones: nothing on any page
// is wider than the screen, and everything a finger taps is at least 24 × 24 px. The pages carry
// the demo content and, beside it, one item of every kind written with long unbroken words, a long
// e-mail address and a long link, as editors paste them.

/** Words no line can break, as they come in real text: a compound, an address, a link. */
const LONG = {
  word: "Supercalifragilistichespiralidosoprovincialecremonesecasalaschissimo",
  email: "candidature.tirocini.amministrativi@associazione-informagiovani-cremonese.example.org",
  url: "https://www.example.org/bandi/2027/servizio-civile-universale/graduatorie-definitive-provincia-di-cremona.pdf",
};
const text = (lead: string) => `${lead} ${LONG.word} ${LONG.email}`;
/** A title: at most 140 characters. */
const title = (lead: string) => `${lead} ${LONG.word}`;

/** The widths of the smallest phones still sold (320) and of the common ones (360). */
const WIDTHS = [320, 360];

/** One item of every kind full of long words; returns the addresses of their pages. */
async function publishLongItems(request: APIRequestContext) {
  const ids = {
    opportunity: uniqueId("lunga-opp"),
    event: uniqueId("lunga-evento"),
    guide: uniqueId("lunga-guida"),
    news: uniqueId("lunga-notizia"),
    organisation: uniqueId("lunga-org"),
  };
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await putOpportunity(
    request,
    ids.opportunity,
    opportunityInput({
      kind: "internship",
      title: title("Tirocinio"),
      organisation: `Associazione${LONG.word}`,
      place: LONG.word,
      summary: text("Sei mesi in ufficio."),
      description_md: `## ${LONG.word}\n\n${text("Che cosa farai:")} ${LONG.url}\n\n- ${LONG.word}`,
      how_to_apply: `Scrivi a ${LONG.email} oppure vai su ${LONG.url}`,
      source_url: LONG.url,
      // The soonest deadline, so that it leads the lists and the home page.
      deadline: tomorrow,
    }),
  );
  await putOpportunity(
    request,
    ids.event,
    opportunityInput({ kind: "event", title: title("Evento"), summary: text("Un pomeriggio."), starts_on: tomorrow, ends_on: tomorrow, deadline: null }),
  );
  await putContent(
    request,
    "guides",
    ids.guide,
    guideInput({
      title: title("Guida"),
      summary: text("In breve:"),
      body_md: `${text("Scrivi a")} ${LONG.url}`,
      steps: [{ title: LONG.word, body_md: text("Passo:") }],
    }),
  );
  await putContent(request, "news", ids.news, {
    title: title("Notizia"),
    summary: text("In breve:"),
    body_md: `${text("Testo:")} ${LONG.url}`,
    published_on: "2099-01-01",
    district: "cremona",
  });
  await putContent(request, "organisations", ids.organisation, {
    ...organisationInput(`Informagiovani ${LONG.word}`),
    address: `Via ${LONG.word} 1`,
    services: [LONG.word],
    email: LONG.email,
    website: LONG.url,
  });
  const call = await publishCall(request, {
    title: title("Bando"),
    summary: text("Contributi:"),
    description_md: `${text("Il bando:")} ${LONG.url}`,
    criteria: [
      { name: LONG.word, weight: 60 },
      { name: "Sostenibilità del budget", weight: 40 },
    ],
    attachments: [LONG.word],
  });
  const question = `${LONG.word}? ${randomUUID()}`;
  const asked = await request.post("/api/v1/questions", { data: { id: randomUUID(), topic: "internships", text: question }, headers: { origin } });
  expect(asked.status(), await asked.text()).toBe(201);
  const { code } = (await asked.json()) as { code: string };
  const listed = (await (await request.get("/api/v1/desk/questions", { headers: await editorHeaders(request) })).json()) as { id: string; text: string }[];
  const answered = await request.put(`/api/v1/desk/questions/${listed.find((q) => q.text === question)!.id}/answer`, {
    data: { topic: "internships", question, answer_md: `${text("Risposta:")} ${LONG.url}`, answered_by: `Centro${LONG.word}`, publish: true },
    headers: await editorHeaders(request),
  });
  expect(answered.status(), await answered.text()).toBe(200);
  const answer = `risposta-${code.toLowerCase()}`;
  return [
    "/",
    "/opportunita",
    `/opportunita/${ids.opportunity}`,
    `/opportunita/${ids.event}`,
    "/guide",
    `/guide/${ids.guide}`,
    "/bandi",
    `/bandi/${call}`,
    "/notizie",
    `/notizie/${ids.news}`,
    "/eventi",
    "/rete",
    `/cerca?q=${LONG.word}`,
    "/cerca?q=tirocinio",
    "/esperto",
    `/esperto/${answer}`,
    "/salvati",
    "/per-te",
    "/come-lavoriamo",
    "/appuntamenti",
  ];
}

/** What is too wide or too small on the page as it is now, described for a failure message. */
async function problems(page: Page): Promise<string[]> {
  const width = page.viewportSize()!.width;
  return page.evaluate((width) => {
    const found: string[] = [];
    const root = document.documentElement;
    // A phone zooms out to show a page wider than the screen, and then reports the wider width as
    // `innerWidth`: compare with the screen's own width too.
    if (root.scrollWidth > Math.min(window.innerWidth, width) || window.innerWidth > width) {
      // Name the widest elements, so that a failure says what to fix.
      const wide = [...document.querySelectorAll<HTMLElement>("main *, header *, nav *")]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5)
        .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
        .slice(0, 4)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent ?? "").trim().slice(0, 40)}`);
      found.push(`page ${root.scrollWidth} px wide on a ${width} px screen: ${wide.join(" | ")}`);
    }
    const targets = document.querySelectorAll<HTMLElement>(
      "a[href], button, input:not([type=hidden]), select, textarea, summary, label:has(input[type=checkbox])",
    );
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Not on screen: display none, or the 1 px "visually hidden" pattern (read aloud only).
      if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden") continue;
      // A checkbox inside its label: the label is the target, and it is checked itself.
      if (el.matches("input[type=checkbox]") && el.closest("label")) continue;
      // WCAG 2.5.8's inline exception: a link inside a sentence, whose size the line of text sets.
      // A link is inline when it is laid out inline and its block has text of its own beside it.
      if (el.tagName === "A" && style.display === "inline") {
        let block = el.parentElement!;
        while (getComputedStyle(block).display === "inline" && block.parentElement) block = block.parentElement;
        const own = [...block.childNodes].some((n) => n !== el && !n.contains(el) && (n.textContent ?? "").trim().length > 0);
        if (own) continue;
      }
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? el.getAttribute("name") ?? "").trim().slice(0, 30);
      const tag = `<${el.tagName.toLowerCase()}> «${name}»`;
      if (box.width < 23.5 || box.height < 23.5) found.push(`${tag} is ${Math.round(box.width)}×${Math.round(box.height)} px`);
      // The main actions are the size of a fingertip (44 px), as the app's style says.
      if (el.matches(".action, .button, button[type=submit]") && box.height < 43.5) found.push(`${tag}, a main action, is ${Math.round(box.height)} px tall`);
      // A button's label fits inside it.
      if (el.tagName === "BUTTON" && el.scrollWidth > el.clientWidth + 1) found.push(`${tag}: its label overflows (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    return found;
  }, width);
}

/** Opens `path` at `width` px and checks it once the app runs it. */
async function check(page: Page, path: string, width: number) {
  await page.setViewportSize({ width, height: 740 });
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await problems(page), `${path} at ${width} px`).toEqual([]);
}

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "it-IT", timezoneId: "Europe/Rome" });
  return { context, page: await context.newPage() };
}

test.beforeAll(() => loadDemoContent());

test("every portal page fits a 320 px and a 360 px screen, long words included, and every target is at least 24 px", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const paths = await publishLongItems(request);
  const { context, page } = await phone(browser);
  // The long items are on the pages checked (the opportunity leads the lists by its deadline).
  await page.goto("/opportunita");
  await expect(page.getByText(LONG.word).first()).toBeVisible();
  const failures: string[] = [];
  for (const width of WIDTHS) {
    for (const path of paths) {
      try {
        await check(page, path, width);
      } catch (error) {
        failures.push(String(error).split("\n").slice(0, 12).join("\n"));
      }
    }
  }
  await context.close();
  expect(failures).toEqual([]);
});

test("the CV tool fits a 320 px screen at every step, the preview's language table included", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await phone(browser);
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto("/cv");
  await expect(page.getByRole("button", { name: "Nuovo CV" })).toBeVisible();
  expect(await problems(page), "/cv").toEqual([]);
  await page.getByRole("button", { name: "Nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/[0-9a-f-]{36}$/);
  const editor = page.url();
  await page.getByLabel("Nome", { exact: true }).fill("Giulia");
  await page.getByLabel("Cognome").fill(LONG.word);
  await page.getByLabel("Email").fill(LONG.email);
  await page.getByLabel("Città").fill("Crema");
  await page.getByRole("link", { name: "Avanti" }).click();
  await page.getByLabel("Profilo").fill(text("Diplomata"));
  await page.goto(`${editor}?passo=3`);
  await page.getByRole("button", { name: "Aggiungi una voce" }).click();
  await page.getByLabel("Ruolo").fill(LONG.word);
  await page.getByLabel("Azienda o ente").fill(`Caseificio${LONG.word}`);
  await page.getByLabel("Inizio (mese e anno)").fill("2025-06");
  await page.goto(`${editor}?passo=5`);
  for (const language of ["Inglese", "Spagnolo"]) {
    await page.getByRole("button", { name: "Aggiungi una lingua" }).click();
    await page.getByLabel("Lingua", { exact: true }).last().fill(language);
  }
  const failures: string[] = [];
  for (let step = 1; step <= 8; step++) {
    await page.goto(`${editor}?passo=${step}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const found = await problems(page);
    if (found.length) failures.push(`passo ${step}: ${found.join("; ")}`);
  }
  await expect(page.getByTestId("cv-sheet").getByRole("row", { name: /Spagnolo/ })).toBeVisible();
  await context.close();
  expect(failures).toEqual([]);
});

test("the proposal tool fits a 320 px screen at every step", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const call = await publishCall(request, { title: title("Bando") });
  const { context, page } = await phone(browser);
  await page.setViewportSize({ width: 320, height: 740 });
  const failures: string[] = [];
  await page.goto("/proposte");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const home = await problems(page);
  if (home.length) failures.push(`/proposte: ${home.join("; ")}`);
  await page.goto(`/bandi/${call}`);
  await page.getByRole("link", { name: "Prepara una proposta" }).click();
  await expect(page).toHaveURL(/\/proposte\/[0-9a-f-]{36}\?passo=1$/);
  const editor = page.url().replace(/\?.*$/, "");
  await page.getByRole("button", { name: "Aggiungi un partner" }).click();
  await page.getByLabel("Nome del partner").fill(LONG.word);
  await page.getByLabel("Nome del gruppo o dell'associazione").fill(`Associazione${LONG.word}`);
  for (let step = 1; step <= 6; step++) {
    await page.goto(`${editor}?passo=${step}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const found = await problems(page);
    if (found.length) failures.push(`passo ${step}: ${found.join("; ")}`);
  }
  await context.close();
  expect(failures).toEqual([]);
});
