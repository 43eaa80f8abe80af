import { expect, test } from "@playwright/test";
import type { Browser } from "@playwright/test";
import { book, dayFromNow } from "../appointments";
import { accounts, d1, expectAccessible, uniqueId, uniqueWord } from "../support";

async function laptop(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "it-IT", timezoneId: "Europe/Rome" });
  return context.newPage();
}

test("an administrator gives the role «operatore» in the desk's accounts page", async ({ browser }) => {
  const desk = await laptop(browser);
  await desk.goto("/redazione/accesso");
  await desk.getByLabel("E-mail").fill(accounts.admin.email);
  await desk.getByLabel("Password").fill(accounts.admin.password);
  await desk.getByRole("button", { name: "Accedi" }).click();
  await desk.getByRole("link", { name: "Account" }).click();
  const email = `${uniqueId("sportello")}@sito-giovani.test`;
  await desk.getByLabel("Nome", { exact: true }).fill("Operatrice Informagiovani");
  await desk.getByLabel("E-mail").fill(email);
  await desk.getByLabel("Ruolo", { exact: true }).selectOption("operator");
  await desk.getByRole("button", { name: "Crea l'invito" }).click();
  await expect(desk.getByRole("status")).toContainText("Invito creato");
  await expect(desk.getByRole("row").filter({ hasText: email })).toContainText("Operatore dello sportello");
});

test("an operator opens a weekly series in the desk, sees the day's bookings (each read audited) and marks attendance", async ({ browser, request }) => {
  const desk = await laptop(browser);
  await desk.goto("/redazione");
  await desk.getByLabel("E-mail").fill(accounts.operator.email);
  await desk.getByLabel("Password").fill(accounts.operator.password);
  await desk.getByRole("button", { name: "Accedi" }).click();
  // Operators land on the appointments, and the desk offers them the CV bank besides.
  await expect(desk).toHaveURL(/\/redazione\/appuntamenti$/);
  const nav = desk.getByRole("navigation", { name: "Redazione" });
  await expect(nav.getByRole("link")).toHaveText(["Appuntamenti", "Banca CV"]);

  await desk.getByRole("link", { name: "Apri una serie di appuntamenti" }).click();
  await expectAccessible(desk, "nuova serie");
  const first = dayFromNow(9);
  const word = uniqueWord();
  await desk.getByLabel("Tema").selectOption("job_search");
  await desk.getByLabel("Giorno della settimana").selectOption(String(first.weekday));
  await desk.getByLabel("Ora del primo appuntamento").fill("15:00");
  await desk.getByLabel("Appuntamenti di seguito per giorno").fill("3");
  await desk.getByLabel("Dal", { exact: true }).fill(first.date);
  await desk.getByLabel("Al", { exact: true }).fill(dayFromNow(2).date);
  await desk.getByRole("button", { name: "Apri gli appuntamenti" }).click();
  // Errors beside their fields; what was typed stays.
  await expect(desk.locator("#to-error")).toHaveText("La data finale viene dopo quella iniziale.");
  await expect(desk.locator("#place-error")).toHaveText("Scrivi l'indirizzo dello sportello.");
  await expect(desk.getByLabel("Ora del primo appuntamento")).toHaveValue("15:00");
  await expect(desk.getByLabel("Tema")).toHaveValue("job_search");
  await expectAccessible(desk, "nuova serie con errori");
  await desk.getByLabel("Al", { exact: true }).fill(first.date);
  await desk.getByLabel("Indirizzo, o come arriva il link della videochiamata").fill(`Sportello lavoro, via Mazzini ${word}`);
  await desk.getByRole("button", { name: "Apri gli appuntamenti" }).click();
  await expect(desk.getByRole("status")).toHaveText("Serie aperta: 3 appuntamenti.");
  const rows = desk.getByRole("row").filter({ hasText: word });
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("15:00");
  await expect(rows.first()).toContainText("Libero");

  const slot = ((await (await request.get("/api/v1/appointments/slots?tema=job_search")).json()) as { slots: { id: string; place: string }[] }).slots.find((s) => s.place.includes(word))!;
  const { receipt } = await book(request, slot.id, { name: "Elena Galli", email: "elena@esempio.it" });
  const reads = () => Number(d1("SELECT count(*) AS n FROM audit_log WHERE action = 'read' AND kind = 'appointments_day' AND actor = 'sportello@sito-giovani.test'")[0].n);
  const before = reads();
  await desk.reload();
  const booked = desk.getByRole("row").filter({ hasText: "Elena Galli" });
  await expect(booked).toContainText(receipt.code);
  await expect(booked.getByRole("link", { name: "elena@esempio.it" })).toBeVisible();
  expect(reads()).toBe(before + 1);
  await expectAccessible(desk, "giornata");
  await booked.getByRole("button", { name: "Presente" }).click();
  await expect(desk.getByRole("row").filter({ hasText: "Elena Galli" }).locator(".status")).toHaveText("Presente");
  expect(d1(`SELECT attended FROM appointments WHERE id = '${receipt.id}'`)).toEqual([{ attended: 1 }]);

  // The calls' proposals are not an operator's.
  const refused = await desk.goto("/redazione/bandi");
  expect(refused?.status()).toBe(403);
});
