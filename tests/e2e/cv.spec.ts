import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { d1, expectAccessible, opportunityInput, putOpportunity, uniqueId, uniqueWord, waitForServiceWorker } from "../support";

/** Starts a new CV from /cv; returns its editor URL. */
async function newCv(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dati personali" })).toBeVisible();
  return page.url();
}

test("a CV built offline survives reloads, prints on one A4 page, and comes back after export, delete all and import; the server never sees it", async ({ page, context }, testInfo) => {
  const surname = `Rossi${uniqueWord()}`;
  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ""}`));

  await page.goto("/cv");
  await expect(page.getByText("I tuoi dati restano sul telefono")).toBeVisible();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();

  const editor = await newCv(page);
  await page.getByLabel("Nome", { exact: true }).fill("Giulia");
  await page.getByLabel("Cognome").fill(surname);
  await page.getByLabel("Email").fill("giulia@example.org");
  await page.getByLabel("Telefono").fill("333 1234567");
  await page.getByLabel("Città").fill("Crema");
  await page.getByLabel("Aggiungi in fondo l'autorizzazione").check();

  // Offline, a reload keeps everything typed.
  await page.reload();
  await expect(page.getByLabel("Cognome")).toHaveValue(surname);
  await expect(page.getByLabel("Aggiungi in fondo l'autorizzazione")).toBeChecked();

  await page.getByRole("link", { name: "Avanti" }).click();
  await page.getByLabel("Profilo").fill("Diplomata in tecnico agrario, precisa e abituata a lavorare in squadra.");
  await page.getByRole("link", { name: "Avanti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Esperienze di lavoro" })).toBeVisible();
  for (const [role, start, end] of [["Cameriera", "2023-06", "2023-09"], ["Addetta al banco", "2025-06", "2025-09"]]) {
    await page.getByRole("button", { name: "Aggiungi una voce" }).click();
    const item = page.getByRole("group", { name: /^Voce \d+$/ }).last();
    await item.getByLabel("Ruolo").fill(role);
    await item.getByLabel("Azienda o ente").fill("Caseificio Val Serio");
    await item.getByLabel("Inizio (mese e anno)").fill(start);
    await item.getByLabel("Fine (vuoto se in corso)").fill(end);
  }
  // The most recent goes first.
  await page.getByRole("button", { name: "Sposta su (2)" }).click();
  await expect(page.getByRole("group", { name: "Voce 1" }).getByLabel("Ruolo")).toHaveValue("Addetta al banco");

  await page.getByRole("link", { name: "Avanti" }).click();
  await page.getByRole("button", { name: "Aggiungi una voce" }).click();
  await page.getByLabel("Titolo o corso").fill("Diploma di perito agrario");
  await page.getByLabel("Scuola o ente di formazione").fill("IIS Stanga");
  await page.getByLabel("Inizio (mese e anno)").fill("2024-09");
  await page.getByLabel("Fine (vuoto se in corso)").fill("2019-07");

  await page.getByRole("link", { name: "Avanti" }).click();
  await page.getByRole("button", { name: "Aggiungi una lingua" }).click();
  await page.getByLabel("Lingua", { exact: true }).fill("Inglese");
  await page.getByLabel("Ascolto").selectOption("B2");
  await page.getByLabel("Scrittura").selectOption("B1");

  await page.goto(`${editor}?passo=8`);
  await expect(page.getByRole("alert")).toContainText("La fine non può essere prima dell'inizio.");
  await page.goto(`${editor}?passo=4`);
  await page.getByLabel("Inizio (mese e anno)").fill("2014-09");
  await page.goto(`${editor}?passo=8`);
  await expect(page.getByRole("alert")).toHaveCount(0);
  const sheet = page.getByTestId("cv-sheet");
  await expect(sheet.getByRole("heading", { name: `Giulia ${surname}` })).toBeVisible();
  // The most recent experience comes first on the sheet too.
  await expect(sheet).toContainText(/Addetta al banco[\s\S]*Cameriera/);
  await expect(sheet.getByRole("row", { name: /Inglese/ })).toContainText("B2");
  await expect(sheet).toContainText("Regolamento UE 2016/679");

  // The print layout: only the sheet, on one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.top")).toBeHidden();
  await expect(page.getByRole("button", { name: "Stampa o salva in PDF" })).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("cv-stampa.png"), fullPage: true });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await testInfo.attach("cv.pdf", { body: pdf, contentType: "application/pdf" });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: "screen" });

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Esporta (JSON Resume)" }).click();
  const exported = await readFile((await (await download).path())!, "utf8");
  const resume = JSON.parse(exported);
  expect(resume.basics.name).toBe(`Giulia ${surname}`);
  expect(resume.work.map((w: { position: string }) => w.position)).toEqual(["Addetta al banco", "Cameriera"]);

  await page.goto("/cv");
  await page.getByRole("button", { name: "Cancella tutti i CV e le lettere da questo telefono" }).click();
  await page.getByRole("button", { name: "Sì, cancella tutto" }).click();
  await expect(page.getByText("Non hai ancora un CV su questo telefono.")).toBeVisible();

  await page.getByLabel("Importa un CV (JSON Resume)").setInputFiles({ name: "cv.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await page.getByTestId("cv-list").getByRole("link").first().click();
  await expect(page.getByLabel("Cognome")).toHaveValue(surname);
  await page.goto(`${page.url()}?passo=3`);
  await expect(page.getByRole("group", { name: "Voce 1" }).getByLabel("Ruolo")).toHaveValue("Addetta al banco");
  await expect(page.getByRole("group", { name: "Voce 2" }).getByLabel("Inizio (mese e anno)")).toHaveValue("2023-06");

  await context.setOffline(false);
  // Nothing of the CV was sent: no request carried it, and D1 holds no trace of it.
  expect(requests.filter((r) => r.includes(surname))).toEqual([]);
  expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([]);
  const traces = d1(
    `SELECT (SELECT count(*) FROM content WHERE body LIKE '%${surname}%') + (SELECT count(*) FROM entries WHERE input LIKE '%${surname}%') + ` +
      `(SELECT count(*) FROM questions WHERE text LIKE '%${surname}%') + (SELECT count(*) FROM audit_log WHERE after LIKE '%${surname}%') AS n`,
  );
  expect(traces).toEqual([{ n: 0 }]);
});

test("a cover letter started from an opportunity is filled from it and the CV, and is kept as edited", async ({ page, request }) => {
  const id = uniqueId("lettera");
  // A demo internship, whose title repeats its kind.
  await putOpportunity(
    request,
    id,
    opportunityInput({
      kind: "internship",
      title: "Tirocinio come addetto/a alla contabilità in azienda metalmeccanica",
      organisation: "Officine Serio Srl",
      deadline: "2099-01-31",
    }),
  );
  await page.goto("/cv");
  const editor = await newCv(page);
  await page.getByLabel("Nome", { exact: true }).fill("Marco");
  await page.getByLabel("Cognome").fill("Bianchi");
  await page.getByLabel("Città").fill("Casalmaggiore");
  await page.goto(`${editor}?passo=4`);
  await page.getByRole("button", { name: "Aggiungi una voce" }).click();
  await page.getByLabel("Titolo o corso").fill("Diploma di ragioneria");
  await page.getByLabel("Scuola o ente di formazione").fill("IIS Romani");
  await page.getByLabel("Inizio (mese e anno)").fill("2019-09");
  await page.getByLabel("Fine (vuoto se in corso)").fill("2024-07");

  await page.goto(`/opportunita/${id}`);
  await page.getByRole("link", { name: "Scrivi la lettera di presentazione" }).click();
  await expect(page).toHaveURL(/\/cv\/lettera\//);
  await expect(page.getByLabel("Azienda o ente")).toHaveValue("Officine Serio Srl");
  // The role, without the kind the title repeats; the internship template, in Italian.
  await expect(page.getByLabel("Ruolo")).toHaveValue("addetto/a alla contabilità in azienda metalmeccanica");
  await expect(page.getByLabel("Modello")).toHaveValue("internship");
  const body = page.getByLabel("Testo della lettera");
  await expect(body).toHaveValue(/^Casalmaggiore, \d\d\/\d\d\/\d{4}/);
  await expect(body).toHaveValue(/Oggetto: candidatura per il tirocinio come addetto\/a alla contabilità in azienda metalmeccanica\n/);
  await expect(body).toHaveValue(
    /desidero candidarmi per il tirocinio come addetto\/a alla contabilità in azienda metalmeccanica presso Officine Serio Srl, entro la scadenza del 31\/01\/2099,/,
  );
  await expect(body).toHaveValue(/Ho conseguito il diploma di ragioneria presso IIS Romani\./);
  // The other templates, from the same role.
  await page.getByLabel("Modello").selectOption("reply_to_ad");
  await page.getByRole("button", { name: "Riscrivi dal modello (sostituisce il testo)" }).click();
  await expect(body).toHaveValue(/rispondo al vostro annuncio per addetto\/a alla contabilità in azienda metalmeccanica e vi propongo la mia candidatura\./);
  await expect(body).toHaveValue(/Marco Bianchi/);
  await body.fill("Gentili responsabili, mi candido come magazziniere.");
  await page.reload();
  await expect(page.getByLabel("Testo della lettera")).toHaveValue("Gentili responsabili, mi candido come magazziniere.");
  await expectAccessible(page, "lettera");
});

test("the CV sheet reads as a CV: its own labels, months in words, and only what was filled in", async ({ page }) => {
  await page.goto("/cv");
  const editor = await newCv(page);
  await page.getByLabel("Nome", { exact: true }).fill("Sara");
  await page.getByLabel("Cognome").fill("Galli");
  await page.goto(`${editor}?passo=3`);
  await page.getByRole("button", { name: "Aggiungi una voce" }).click();
  await page.getByLabel("Ruolo").fill("Cameriera");
  await page.getByLabel("Azienda o ente").fill("Bar Centrale");
  await page.getByLabel("Inizio (mese e anno)").fill("2025-06");
  await page.getByLabel("Fine (vuoto se in corso)").fill("2025-09");
  await page.goto(`${editor}?passo=5`);
  await page.getByLabel("Madrelingua (una per riga)").fill("Italiano");
  await page.getByRole("button", { name: "Aggiungi una lingua" }).click();
  await page.getByLabel("Lingua", { exact: true }).fill("Inglese");
  // A new language has no level until one is chosen; only listening is.
  await expect(page.getByLabel("Lettura")).toHaveValue("");
  await page.getByLabel("Ascolto").selectOption("B2");
  await page.goto(`${editor}?passo=6`);
  await page.getByLabel("Patente di guida (categorie, per esempio B)").fill("B");
  await page.getByRole("link", { name: "Avanti" }).click();
  await page.getByRole("link", { name: "Avanti" }).click();

  const sheet = page.getByTestId("cv-sheet");
  await expect(sheet).toContainText("giugno 2025 – settembre 2025");
  await expect(sheet).not.toContainText("2025-06");
  await expect(sheet.getByText("Madrelingua: Italiano")).toBeVisible();
  await expect(sheet.getByText("Patente: B", { exact: true })).toBeVisible();
  await expect(sheet).not.toContainText("una per riga");
  await expect(sheet).not.toContainText("per esempio");
  await expect(sheet.getByRole("row", { name: /Inglese/ }).getByRole("cell")).toHaveText(["B2", "", "", "", ""]);
  await expectAccessible(page, "foglio del CV");
});

test("every step of the CV is accessible", async ({ page }) => {
  await page.goto("/cv");
  await expectAccessible(page, "/cv");
  const editor = await newCv(page);
  for (let step = 1; step <= 8; step += 1) {
    await page.goto(`${editor}?passo=${step}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const add = page.getByRole("button", { name: /Aggiungi una (voce|lingua)/ });
    if (await add.count()) await add.first().click();
    await expectAccessible(page, `passo ${step}`);
  }
});

test("the CV tool, a separate download, is reached from the portal and leads back to it", async ({ page }) => {
  const loaded: string[] = [];
  page.on("response", (r) => { if (r.url().endsWith(".wasm")) loaded.push(new URL(r.url()).pathname); });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(loaded.some((p) => p.includes("sito-cv"))).toBe(false);
  await page.getByRole("link", { name: "Il mio CV e le lettere" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Il mio CV e le lettere" })).toBeVisible();
  expect(loaded.some((p) => p.includes("sito-cv"))).toBe(true);
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Opportunità" }).click();
  await expect(page).toHaveURL(/\/opportunita$/);
  await expect(page.getByRole("heading", { level: 1, name: "Opportunità" })).toBeVisible();
});
