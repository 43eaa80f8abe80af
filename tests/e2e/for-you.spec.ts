import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { expectAccessible, opportunityInput, putOpportunity, uniqueId, uniqueWord, waitForServiceWorker } from "../support";

// "Per te": a profile the young person chooses to tell, kept on the phone, and the synced
// opportunities ranked against it with their reasons. Nothing of the profile leaves the phone.

/** A JSON Resume as another tool (or this app's CV) exports it. */
function resume(skill: string) {
  return {
    basics: { name: "Giulia Bianchi", location: { city: "Crema" } },
    education: [{ institution: "IIS Stanga", studyType: "Diploma di perito agrario" }],
    skills: [{ name: "Competenze digitali", keywords: [skill] }],
    languages: [
      { language: "Italiano", fluency: "Madrelingua" },
      { language: "Inglese", fluency: "B2" },
    ],
  };
}

/** Nothing on the page is wider than the screen, at 360 and at 320 px. */
async function expectNoSidewaysScroll(page: Page) {
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 740 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll, `at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

async function openForYou(page: Page) {
  await page.goto("/per-te");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByRole("heading", { level: 1, name: "Per te" })).toBeVisible();
}

test("the profile comes from the CV, the results carry their reasons offline, and no request carries the profile", async ({ page, context, request }) => {
  const word = uniqueWord();
  const ids = { match: uniqueId("per-te-tirocinio"), far: uniqueId("per-te-lontano"), other: uniqueId("per-te-altro") };
  const described = (lead: string) => `${lead} Richiesta conoscenza dell'inglese B2 e dello strumento ${word}.`;
  await putOpportunity(request, ids.match, opportunityInput({
    kind: "internship", title: `Tirocinio export ${word}`, district: "crema", place: "Crema",
    description_md: described("Sei mesi in ufficio."), age_min: 18, age_max: 29,
  }));
  await putOpportunity(request, ids.far, opportunityInput({
    kind: "internship", title: `Tirocinio lontano ${word}`, district: "casalmaggiore", place: "Casalmaggiore",
    description_md: described("Sei mesi in magazzino."),
  }));
  await putOpportunity(request, ids.other, opportunityInput({
    kind: "volunteering", title: `Volontariato ${word}`, district: "crema", place: "Crema", description_md: described("Un anno."),
  }));

  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ""}`));

  // A CV on the phone (imported, as from another tool).
  await page.goto("/cv");
  await page.getByLabel("Importa un CV (JSON Resume)").setInputFiles({
    name: "cv.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(resume(word))),
  });
  await expect(page.getByTestId("cv-list").getByRole("link").first()).toBeVisible();

  await openForYou(page);
  await expect(page.getByText("Il profilo resta solo su questo telefono")).toBeVisible();
  await expect(page.getByTestId("per-te-dal-cv")).toContainText("Compilato dal tuo CV");
  await expect(page.getByLabel("Dove vivi")).toHaveValue("crema");
  await expect(page.getByLabel("Titolo di studio")).toHaveValue("diploma");
  await expect(page.getByLabel("Competenze")).toHaveValue(word);
  await expect(page.locator("#per-te-lingua-1")).toHaveValue("english");
  await expect(page.locator("#per-te-livello-1")).toHaveValue("B2");
  await expectAccessible(page, "per-te (profilo)");
  await expectNoSidewaysScroll(page);

  await page.getByLabel("Fin dove puoi spostarti").selectOption("district");
  await page.getByLabel("Tirocinio").check();
  // A wrong age is refused beside its field, and nothing typed is lost.
  await page.getByLabel("Età").fill("ventidue");
  await page.getByRole("button", { name: "Salva e mostra i risultati" }).click();
  await expect(page.locator("#per-te-age-errore")).toHaveText("Scrivi l'età in numeri, per esempio 22.");
  await expect(page.getByLabel("Età")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Competenze")).toHaveValue(word);
  await page.getByLabel("Età").fill("22");
  await page.getByRole("button", { name: "Salva e mostra i risultati" }).click();

  const results = page.getByTestId("per-te");
  const card = results.getByRole("listitem").filter({ hasText: `Tirocinio export ${word}` });
  const reasons = `Crema · tirocinio · età 18–29 anni: tu 22 · richiede inglese B2: tu B2 · ${word}: tra le tue competenze`;
  await expect(card.locator(".reasons")).toHaveText(`Perché: ${reasons}`);
  // Beyond the distance chosen, or of a kind not chosen: not shown.
  await expect(results.getByText(`Tirocinio lontano ${word}`)).toHaveCount(0);
  await expect(results.getByText(`Volontariato ${word}`)).toHaveCount(0);
  await expectAccessible(page, "per-te (risultati)");
  await expectNoSidewaysScroll(page);

  // Offline, the profile and its results come from the phone.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Per te" })).toBeVisible();
  await expect(card.locator(".reasons")).toHaveText(`Perché: ${reasons}`);
  await card.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/opportunita/${ids.match}$`));
  await context.setOffline(false);

  // No request carried anything of the profile or the CV: nothing but reads left the phone.
  expect(requests.filter((r) => r.includes(word) || r.includes("Bianchi"))).toEqual([]);
  expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([]);

  // The profile can be deleted from the phone.
  await openForYou(page);
  await page.getByRole("button", { name: "Cancella il profilo" }).click();
  await page.getByRole("button", { name: "Sì, cancella" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Il tuo profilo" })).toBeVisible();
});

test("after a sync the home page says how many new items match the profile, until 'Per te' shows them", async ({ page, request }) => {
  const word = uniqueWord();
  await openForYou(page);
  await waitForServiceWorker(page);
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
  await page.getByLabel("Dove vivi").selectOption("casalmaggiore");
  await page.getByLabel("Fin dove puoi spostarti").selectOption("district");
  await page.getByLabel("Campo di lavoro").check();
  await page.getByLabel("Competenze").fill(word);
  await page.getByRole("button", { name: "Salva e mostra i risultati" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "I risultati per te" })).toBeVisible();

  const camp = (n: number) => opportunityInput({
    kind: "work_camp", title: `Campo ${n} ${word}`, district: "casalmaggiore", place: "Casalmaggiore", age_min: null, age_max: null,
  });
  await putOpportunity(request, uniqueId("per-te-campo-1"), camp(1));
  await putOpportunity(request, uniqueId("per-te-campo-2"), camp(2));
  // Not a kind the profile asked for, and not in its district: not counted.
  await putOpportunity(request, uniqueId("per-te-lavoro"), opportunityInput({ kind: "job", title: `Lavoro ${word}`, district: "casalmaggiore" }));
  await putOpportunity(request, uniqueId("per-te-crema"), { ...camp(3), district: "crema", place: "Crema" });

  // The whole portal, from the service worker's shell, syncs and counts.
  await page.goto("/");
  await expect(page.getByTestId("per-te-nuove")).toHaveText("2 nuove opportunità per te");
  await page.getByTestId("per-te-nuove").getByRole("link").click();
  await expect(page.getByTestId("per-te").getByText(`Campo 1 ${word}`)).toBeVisible();
  await expect(page.getByTestId("per-te").getByText(`Campo 2 ${word}`)).toBeVisible();

  // Seen: the home page no longer counts them.
  await page.goto("/");
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
  await expect(page.getByRole("link", { name: "Per te: dicci che cosa cerchi" })).toHaveCount(0);
  await expect(page.getByTestId("per-te-nuove")).toHaveCount(0);
});
