import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { book, openSeries } from "../appointments";
import { putLab, signUp } from "../labs";
import { accounts, askQuestion, expectAccessible, opportunityInput, pull, putOpportunity, uniqueId } from "../support";

/** The desk signed in as an editor, on a screen `width` px wide. */
async function monitoringAs(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "it-IT", timezoneId: "Europe/Rome" });
  const desk = await context.newPage();
  await desk.goto("/redazione/accesso");
  await desk.getByLabel("E-mail").fill(accounts.editor.email);
  await desk.getByLabel("Password").fill(accounts.editor.password);
  await desk.getByRole("button", { name: "Accedi" }).click();
  await expect(desk.getByRole("heading", { level: 1, name: "Contenuti" })).toBeVisible();
  await desk.getByRole("link", { name: "Monitoraggio" }).click();
  await expect(desk.getByRole("heading", { level: 1, name: "Monitoraggio" })).toBeVisible();
  // From yesterday to three months ahead, so that the lab and the appointment of the next days
  // fall in the period on whatever day the suite runs (the default semester may end first).
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await desk.getByLabel("Dal", { exact: true }).fill(day(-1));
  await desk.getByLabel("Al", { exact: true }).fill(day(90));
  await desk.getByRole("button", { name: "Mostra" }).click();
  await expect(desk.getByLabel("Al", { exact: true })).toHaveValue(day(90));
  return desk;
}

test.beforeAll(async ({ request }) => {
  // Something in every section: a publication, a question, a lab with a sign-up, a booked
  // appointment, two pulls.
  await putOpportunity(request, uniqueId("monitorata"), opportunityInput({ district: "cremona" }));
  const labId = uniqueId("lab-monitorato");
  await putLab(request, labId);
  await signUp(request, labId);
  const { slots } = await openSeries(request, { topic: "volunteering", slots: 1 });
  await book(request, slots[0].id);
  await askQuestion(request, "Quanto dura il Servizio Civile Universale?");
  await pull(request, 0, 1);
});

test("the report's charts have titles and text alternatives, their data opens in a table, and axe finds nothing", async ({ browser }) => {
  const desk = await monitoringAs(browser, 1280);
  for (const section of ["Contenuti", "Domande all'esperto", "Bandi e proposte", "Laboratori e appuntamenti", "Diffusione, senza tracciamento"]) {
    await expect(desk.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  const labs = desk.getByRole("figure", { name: "Laboratori con il primo incontro nel periodo: posti, iscritti e presenze" });
  await expect(labs.locator("div.plot[role=img]")).toHaveAttribute("aria-label", /^Grafico a barre, posti dei laboratori: Posti offerti [1-9][\d.]*; Posti occupati [1-9]/);
  const chart = desk.getByRole("figure", { name: "Opportunità pubblicate per mese, tipo e territorio" });
  const image = chart.locator("div.plot[role=img]");
  await expect(image).toHaveAttribute("aria-label", /^Grafico a barre, opportunità pubblicate per mese: .*\d/);
  await expect(image.locator("svg")).toBeVisible();
  // Every chart drawn has its words, and every figure its title.
  for (const img of await desk.locator("figure.chart [role=img]").all()) {
    expect((await img.getAttribute("aria-label"))!.length).toBeGreaterThan(20);
  }
  const table = chart.getByRole("table", { name: "Opportunità pubblicate per mese, tipo e territorio" });
  await expect(table).toBeHidden();
  await chart.getByText("Mostra i dati").click();
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Territorio" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Cremona" }).first()).toBeVisible();
  await expectAccessible(desk, "monitoraggio");

  // The period form keeps what was typed and says what is wrong beside the field.
  await desk.getByLabel("Dal", { exact: true }).fill("2026-06-30");
  await desk.getByLabel("Al", { exact: true }).fill("2026-01-01");
  await desk.getByRole("button", { name: "Mostra" }).click();
  await expect(desk.getByText("L'ultimo giorno viene prima del primo.").first()).toBeVisible();
  await expect(desk.getByLabel("Dal", { exact: true })).toHaveValue("2026-06-30");
  await expectAccessible(desk, "monitoraggio con errore");

  // The CSV of a chart downloads with the same period.
  await desk.getByLabel("Dal", { exact: true }).fill("2026-01-01");
  await desk.getByLabel("Al", { exact: true }).fill("2026-12-31");
  await desk.getByRole("button", { name: "Mostra" }).click();
  const download = desk.waitForEvent("download");
  await desk.getByRole("link", { name: /Scarica i dati \(CSV\)\s*: Domande all'esperto ricevute/ }).click();
  expect((await download).suggestedFilename()).toBe("domande-2026-01-01_2026-12-31.csv");
});

test("on a 360 px phone nothing scrolls sideways, and the printed report fits A4 with one page per section", async ({ browser }) => {
  const desk = await monitoringAs(browser, 360);
  const overflow = () => desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await desk.getByText("Mostra i dati").first().click();
  expect(await overflow()).toBeLessThanOrEqual(0);

  // A4 at 96 dpi less the 15 mm margins: 180 mm ≈ 680 px of printable width.
  await desk.setViewportSize({ width: 680, height: 960 });
  await desk.emulateMedia({ media: "print" });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(desk.locator("header.top")).toBeHidden();
  const breaks = await desk.locator("section.report").evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
  expect(breaks).toEqual(["auto", "page", "page", "page", "page"]);
  const pdf = await desk.pdf({ format: "A4" });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(5);
});
