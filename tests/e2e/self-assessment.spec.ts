import { expect, test } from "@playwright/test";
import { expectAccessible, uniqueWord } from "../support";

test("after a lab, the self-assessment of skills goes into the CV with one tap, and never leaves the phone", async ({ page }) => {
  const word = uniqueWord();
  const sent: string[] = [];
  page.on("request", (r) => sent.push(`${r.url()} ${r.postData() ?? ""}`));
  await page.goto("/cv");
  await page.getByRole("button", { name: "Nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/[0-9a-f-]{36}$/);
  const editor = page.url();
  await page.goto(`${editor}?passo=6`);
  await page.getByLabel("Altre competenze").fill("Patente del muletto");

  const section = page.getByRole("region", { name: "Che cosa ho imparato" });
  await expect(section.getByRole("group")).toHaveCount(7);
  // What is missing is said beside the field, and nothing is added.
  await section.getByRole("button", { name: "Aggiungi al CV" }).click();
  await expect(section.getByText("Scrivi dopo quale laboratorio o esperienza di volontariato ti valuti.")).toBeVisible();
  await expect(page.getByLabel("Altre competenze")).toHaveValue("Patente del muletto");

  await section.getByLabel("Dopo quale laboratorio o esperienza?").fill(`Laboratorio professional skills ${word}`);
  const teamwork = section.getByRole("group", { name: "Lavoro di gruppo" });
  await teamwork.getByLabel("Livello").selectOption("strong");
  await teamwork.getByLabel("Con parole tue (facoltativo)").fill("Ho coordinato il gruppo che preparava la festa del quartiere.");
  await section.getByRole("group", { name: "Ascolto" }).getByLabel("Livello").selectOption("good");
  const add = await section.getByRole("button", { name: "Aggiungi al CV" }).boundingBox();
  expect(add!.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(page, "autovalutazione");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  await section.getByRole("button", { name: "Aggiungi al CV" }).click();
  await expect(section.getByRole("status")).toHaveText("Aggiunta al CV, tra le altre competenze.");
  const expected =
    `Patente del muletto\n\nCompetenze relazionali e organizzative (autovalutazione dopo: Laboratorio professional skills ${word})\n` +
    "- Lavoro di gruppo: livello ottimo. Ho coordinato il gruppo che preparava la festa del quartiere.\n- Ascolto: livello buono";
  await expect(page.getByLabel("Altre competenze")).toHaveValue(expected);
  await expect(section.getByTestId("self-assessments")).toContainText(word);

  // Kept on the phone with the CV, and printed with it.
  await page.reload();
  await expect(page.getByLabel("Altre competenze")).toHaveValue(expected);
  await page.goto(`${editor}?passo=8`);
  await expect(page.getByText("Lavoro di gruppo: livello ottimo", { exact: false })).toBeVisible();
  expect(sent.filter((s) => s.includes(word) || s.includes("Lavoro di gruppo"))).toEqual([]);
});
