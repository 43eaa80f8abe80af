import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { bankBody, rareSkill, sendProfile } from "../bank";
import { accounts, expectAccessible, fitsTheScreen, opportunityInput, putOpportunity, uniqueId } from "../support";

/** The desk's menu counts too. */
const DESK_TARGETS = "main button, main input, main select, main textarea, main a, header a, header button";

test("an operator finds a candidate by skill, sees the reasons but no name or contact, proposes, and sees the contacts once accepted", async ({ page, request }) => {
  const skill = rareSkill("sportello");
  const body = bankBody({ name: "Elena Candidata", contact: "elena.candidata@example.it" }, { skills: [skill, "Excel"] });
  const receipt = await sendProfile(request, body);
  const jobId = uniqueId("impiego");
  const title = `Impiegata amministrativa ${jobId.slice(-6)}`;
  await putOpportunity(request, jobId, opportunityInput({ kind: "job", title, summary: "Richiesto inglese B2 e uso di Excel.", age_min: 18, age_max: 35 }));

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/redazione/accesso");
  await page.getByLabel("E-mail").fill(accounts.operator.email);
  await page.getByLabel("Password").fill(accounts.operator.password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.getByRole("link", { name: "Banca CV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Banca CV Informagiovani" })).toBeVisible();
  await expectAccessible(page, "banca CV 1");
  await fitsTheScreen(page, DESK_TARGETS);

  await page.getByLabel("Per l'opportunità").selectOption({ label: title });
  await page.getByLabel("Competenze").fill(skill);
  await page.getByRole("button", { name: "Cerca" }).click();
  const results = page.getByRole("region", { name: /Candidati/ });
  await expect(results.getByRole("heading", { name: /Candidati \(1\)/ })).toBeVisible();
  const card = results.getByRole("article");
  await expect(card).toHaveCount(1);
  await expect(card.locator(".reasons")).toContainText("Crema");
  await expect(card.locator(".reasons")).toContainText("richiede inglese B2: B2");
  await expect(card).toContainText(skill);
  await expect(page.locator("body")).not.toContainText("Elena");
  await expect(page.locator("body")).not.toContainText("elena.candidata");
  await expectAccessible(page, "banca CV 2");
  await fitsTheScreen(page, DESK_TARGETS);

  await card.getByLabel("Messaggio per il giovane").fill("Ciao Elena, questo lavoro fa per te: ti va di candidarti?");
  await card.getByRole("button", { name: "Proponi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Le mie proposte" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Proposta inviata");
  const mine = page.getByRole("article").filter({ hasText: title });
  await expect(mine).toContainText("In attesa di risposta");
  await expect(mine).not.toContainText("Elena Candidata");
  await expectAccessible(page, "banca CV 3");
  await fitsTheScreen(page, DESK_TARGETS);

  // The young person accepts from the phone.
  const held = await (await request.get(`/api/v1/bank/profiles/${body.id}?code=${receipt.code}`)).json();
  const proposal = held.proposals.find((p: { title: string }) => p.title === title);
  expect(proposal.message).toContain("Ciao Elena");
  const answer = await request.post(`/api/v1/bank/profiles/${body.id}/proposals/${proposal.id}/answer`, { data: { code: receipt.code, accept: true }, headers: { origin } });
  expect(answer.status(), await answer.text()).toBe(200);

  await page.reload();
  await expect(mine).toContainText("Accettata");
  await expect(mine).toContainText("Elena Candidata");
  await expect(mine.getByRole("link", { name: "elena.candidata@example.it" })).toHaveAttribute("href", "mailto:elena.candidata@example.it");
  await expectAccessible(page, "banca CV 4");
  await fitsTheScreen(page, DESK_TARGETS);

  // The young person sees who read their contacts.
  const after = await (await request.get(`/api/v1/bank/profiles/${body.id}?code=${receipt.code}`)).json();
  expect(after.views[0]).toMatchObject({ by: "Sportello Informagiovani Crema", kind: "contacts" });
});
