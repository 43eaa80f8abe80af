import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openSeries } from "../appointments";
import { d1, expectAccessible, uniqueWord } from "../support";

/** The page is no wider than the screen (nothing scrolls sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, "the page scrolls sideways").toBeLessThanOrEqual(widths.screen);
  expect(widths.screen).toBe(360);
}

/** A slot's start as iCalendar writes a UTC time: 20270316T083000Z. */
const icsTime = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

test("a young person books a desk slot, sees it in «I miei appuntamenti», adds it to the calendar and cancels it", async ({ page, request }) => {
  const word = uniqueWord();
  const { slots } = await openSeries(request, { topic: "volunteering", slots: 2, place: `Informagiovani di Casalmaggiore ${word}` });
  await page.goto("/appuntamenti");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByRole("heading", { level: 1, name: "Appuntamenti allo sportello" })).toBeVisible();
  await page.getByLabel("Tema").selectOption("volunteering");
  const ours = page.getByTestId("free-slots").getByRole("listitem").filter({ hasText: word });
  await expect(ours).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  await ours.first().getByRole("button", { name: "Prenota" }).click();

  // Why the details are asked and for how long they are kept, on the form itself.
  await expect(page.getByText("per avvisarti se l'appuntamento cambia")).toBeVisible();
  await expect(page.getByText("li cancelliamo 30 giorni dopo l'appuntamento")).toBeVisible();
  // Mistakes are explained beside the fields, before anything is queued.
  await page.getByRole("button", { name: "Conferma la prenotazione" }).click();
  await expect(page.getByText("Scrivi il tuo nome.")).toBeVisible();
  await expect(page.getByText("Lascia un'e-mail o un numero di telefono")).toBeVisible();
  await expect(page.getByTestId("my-appointments")).toHaveCount(0);
  const confirm = await page.getByRole("button", { name: "Conferma la prenotazione" }).boundingBox();
  expect(confirm!.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(page, "appuntamenti, modulo");

  await page.getByLabel("Nome e cognome").fill("Giulia Rossi");
  await page.getByLabel("E-mail").fill("giulia@esempio.it");
  await page.getByRole("button", { name: "Conferma la prenotazione" }).click();
  const mine = page.getByTestId("my-appointments");
  await expect(mine).toContainText("Prenotato");
  const code = (await mine.getByTestId("appointment-code").textContent())!;
  expect(code).toMatch(/^APP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(d1(`SELECT name, status FROM appointments WHERE slot_id = '${slots[0].id}'`)).toEqual([{ name: "Giulia Rossi", status: "booked" }]);
  // The booked slot has left the free ones.
  await expect(ours).toHaveCount(1);

  // "Aggiungi al calendario": an .ics with the slot's time, its place and the code.
  const download = page.waitForEvent("download");
  await mine.getByRole("button", { name: "Aggiungi al calendario" }).click();
  const ics = readFileSync((await (await download).path())!, "utf8").replace(/\r\n /g, "");
  expect(ics).toContain(`DTSTART:${icsTime(slots[0].starts_at)}`);
  expect(ics).toContain(word);
  expect(ics).toContain(code);

  // Kept on the phone: still there after a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(mine).toContainText(code);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, "appuntamenti, prenotato");

  await mine.getByRole("button", { name: "Annulla" }).click();
  await mine.getByRole("button", { name: "Sì, annulla" }).click();
  await expect(mine).toContainText("Annullato");
  expect(d1(`SELECT status FROM appointments WHERE slot_id = '${slots[0].id}'`)).toEqual([{ status: "cancelled" }]);
  await expect(mine.getByRole("button", { name: "Annulla" })).toHaveCount(0);
  await expect(ours).toHaveCount(2);
});

test("a booking made offline waits in the outbox and is booked once the phone is back online", async ({ page, context, request }) => {
  const word = uniqueWord();
  const { slots } = await openSeries(request, { topic: "starting_a_business", slots: 1, mode: "video_call", place: `Link per e-mail ${word}` });
  await page.goto("/appuntamenti");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const ours = page.getByTestId("free-slots").getByRole("listitem").filter({ hasText: word });
  await ours.getByRole("button", { name: "Prenota" }).click();
  await page.getByLabel("Nome e cognome").fill("Marco Bianchi");
  await page.getByLabel("Telefono").fill("333 123 4567");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Conferma la prenotazione" }).click();
  const mine = page.getByTestId("my-appointments");
  await expect(mine).toContainText("In coda");
  expect(d1(`SELECT count(*) AS n FROM appointments WHERE slot_id = '${slots[0].id}'`)).toEqual([{ n: 0 }]);
  await context.setOffline(false);
  await expect(mine).toContainText("Prenotato");
  await expect(mine).toContainText("Videochiamata");
  expect(d1(`SELECT name, phone FROM appointments WHERE slot_id = '${slots[0].id}'`)).toEqual([{ name: "Marco Bianchi", phone: "333 123 4567" }]);
});
