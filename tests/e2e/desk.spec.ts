import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { accounts, expectAccessible, uniqueId, uniqueWord } from "../support";

/** A laptop browser signed in to the desk as `who`. */
async function deskAs(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "it-IT", timezoneId: "Europe/Rome" });
  const desk = await context.newPage();
  await desk.goto("/redazione");
  await expect(desk).toHaveURL(/\/redazione\/accesso$/);
  await desk.getByLabel("E-mail").fill(who.email);
  await desk.getByLabel("Password").fill(who.password);
  await desk.getByRole("button", { name: "Accedi" }).click();
  await expect(desk.getByRole("heading", { level: 1, name: "Contenuti" })).toBeVisible();
  return desk;
}

async function fillOpportunity(desk: Page, id: string, title: string) {
  await desk.getByLabel("Identificativo nell'indirizzo").fill(id);
  await desk.getByLabel("Tipo").selectOption("internship");
  await desk.getByLabel("Titolo").fill(title);
  await desk.getByLabel("Ente o azienda").fill("Comune di Crema");
  await desk.getByLabel("Territorio").selectOption("crema");
  await desk.getByLabel("Sintesi").fill("Sei mesi in biblioteca, con rimborso spese.");
  await desk.getByLabel("Descrizione").fill("## Che cosa farai\n\nPrestito e **catalogazione**.\n\n<script>window.pwned = true</script>");
  await desk.getByLabel("Scadenza").fill("2099-03-31");
  await desk.getByLabel("Come candidarsi").fill("CV a biblioteca@comune.crema.cr.it");
}

test("an editor publishes in the desk; a phone that already synced gets it at its next sync, and loses it when retired", async ({ page, browser }) => {
  await page.goto("/opportunita");
  await expect(page.getByTestId("sync-status")).toContainText("Aggiornato");

  const desk = await deskAs(browser, accounts.editor);
  await desk.getByRole("link", { name: "Opportunità", exact: true }).click();
  const id = uniqueId("dalla-redazione");
  const title = `Tirocinio in biblioteca ${uniqueWord()}`;
  await fillOpportunity(desk, id, title);

  await desk.getByRole("button", { name: "Anteprima" }).click();
  const preview = desk.getByRole("region", { name: "Anteprima" });
  // The Markdown is rendered as phones will show it: bold, not asterisks.
  await expect(preview.locator("strong", { hasText: "catalogazione" })).toHaveCount(1);
  await expect(preview).not.toContainText("**catalogazione**");
  await expect(preview).toContainText("Territorio: Crema");
  await expect(preview.locator("script")).toHaveCount(0);
  expect(await desk.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  await expect(desk.getByLabel("Titolo")).toHaveValue(title);

  await desk.getByRole("button", { name: "Pubblica ora" }).click();
  await expect(desk.getByRole("status")).toHaveText("Salvato.");
  await expect(desk.getByText("Pubblicato · versione 1")).toBeVisible();

  await page.getByRole("button", { name: "Aggiorna" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  await desk.getByRole("button", { name: "Ritira" }).click();
  await expect(desk.getByText("Ritirato · versione 2")).toBeVisible();
  await desk.getByText(/Storia delle modifiche/).click();
  await expect(desk.getByRole("cell", { name: "ritirato" })).toBeVisible();

  await page.getByRole("button", { name: "Aggiorna" }).click();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await desk.context().close();
});

test("two editors on one item: the second save shows both versions and loses nothing typed", async ({ browser }) => {
  const first = await deskAs(browser, accounts.editor);
  const second = await deskAs(browser, accounts.admin);
  await first.getByRole("link", { name: "Opportunità", exact: true }).click();
  const id = uniqueId("conflitto");
  await fillOpportunity(first, id, "Titolo di partenza");
  await first.getByRole("button", { name: "Salva bozza" }).click();
  await expect(first.getByRole("status")).toHaveText("Salvato.");

  await second.goto(`/redazione/opportunities/${id}`);
  await first.getByLabel("Titolo").fill("Titolo della prima redattrice");
  await first.getByRole("button", { name: "Salva bozza" }).click();
  await expect(first.getByText("versione 2")).toBeVisible();

  await second.getByLabel("Titolo").fill("Titolo dell'amministratore");
  await second.getByRole("button", { name: "Salva bozza" }).click();
  await expect(second.getByRole("alert")).toContainText("Qualcun altro ha modificato");
  await expect(second.getByRole("region", { name: "Versione salvata" })).toContainText("Titolo della prima redattrice");
  await expect(second.getByLabel("Titolo")).toHaveValue("Titolo dell'amministratore");
  // Having compared, saving again replaces the stored version on purpose.
  await second.getByRole("button", { name: "Salva bozza" }).click();
  await expect(second.getByText("versione 3")).toBeVisible();
  await expect(second.getByLabel("Titolo")).toHaveValue("Titolo dell'amministratore");
  await first.context().close();
  await second.context().close();
});

test("a form with mistakes keeps what was typed and says what to fix, in Italian", async ({ browser }) => {
  const desk = await deskAs(browser, accounts.editor);
  await desk.getByRole("link", { name: "Notizia", exact: true }).click();
  await desk.getByLabel("Identificativo nell'indirizzo").fill(uniqueId("notizia"));
  const long = `Career day a Cremona: ${"tutte le aziende presenti, ".repeat(5)}`;
  await desk.getByLabel("Titolo").fill(long);
  await desk.getByLabel("Sintesi").fill("Il 30 novembre in Fiera.");
  await desk.getByLabel("Testo").fill("Il **career day** torna in Fiera.");
  await desk.getByLabel("Data della notizia").fill("2026-11-30");
  await desk.getByRole("button", { name: "Pubblica ora" }).click();
  await expect(desk.getByRole("alert")).toContainText("non è stato salvato nulla");
  // The message is read with the field it is about.
  await expect(desk.getByLabel("Titolo")).toHaveAccessibleDescription(`Al massimo 140 caratteri (ora sono ${long.trim().length}).`);
  await expect(desk.getByLabel("Titolo")).toHaveValue(long);
  await expect(desk.getByLabel("Testo")).toHaveValue("Il **career day** torna in Fiera.");
  await desk.context().close();
});

test("a new item's id is suggested from its title, marked required and checked by the browser", async ({ browser }) => {
  const errors: string[] = [];
  const desk = await deskAs(browser, accounts.editor);
  desk.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await desk.getByRole("link", { name: "Opportunità", exact: true }).click();
  const id = desk.getByLabel("Identificativo nell'indirizzo");
  await expect(desk.locator("label[for=id]")).toHaveText("Identificativo nell'indirizzo *");
  const word = uniqueWord();
  const title = `Tirocinio in Biblioteca ${word}: perché è già così?`;
  await desk.getByLabel("Titolo").fill(title);
  // The rules of sito_core::opportunity::suggest_id (tested natively with the same kind of title).
  await expect(id).toHaveValue(`tirocinio-in-biblioteca-${word}-perche-e-gia-cosi`);
  // The browser checks the pattern itself: it compiles, and a wrong id is caught before sending.
  await id.fill("Con Spazi");
  expect(await id.evaluate((e: HTMLInputElement) => e.validity.patternMismatch)).toBe(true);
  await id.fill("");
  expect(await id.evaluate((e: HTMLInputElement) => e.validity.valueMissing)).toBe(true);
  // Once typed by the editor, the id is theirs: the title no longer changes it.
  await id.fill("il-mio-tirocinio");
  await desk.getByLabel("Titolo").fill(`${title} Nuovo`);
  await expect(id).toHaveValue("il-mio-tirocinio");
  expect(errors).toEqual([]);
  await desk.context().close();
});

test("on the sign-in page the button stands apart from the password field", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desk = await context.newPage();
  await desk.goto("/redazione/accesso");
  const password = (await desk.getByLabel("Password").boundingBox())!;
  const button = (await desk.getByRole("button", { name: "Accedi" }).boundingBox())!;
  expect(button.y - (password.y + password.height)).toBeGreaterThanOrEqual(16);
  await context.close();
});

test("a wrong password is refused without revealing which part was wrong, and keeps the e-mail", async ({ browser }) => {
  const context = await browser.newContext();
  const desk = await context.newPage();
  await desk.goto("/redazione/accesso");
  await desk.getByLabel("E-mail").fill(accounts.editor.email);
  await desk.getByLabel("Password").fill("password-sbagliata");
  await desk.getByRole("button", { name: "Accedi" }).click();
  await expect(desk.getByRole("alert")).toHaveText("E-mail o password non corrette, oppure account disattivato.");
  await expect(desk.getByLabel("E-mail")).toHaveValue(accounts.editor.email);
  await context.close();
});

test("the desk pages have no accessibility violations", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const anonymous = await context.newPage();
  await anonymous.goto("/redazione/accesso");
  await expectAccessible(anonymous, "accesso");
  await context.close();
  const desk = await deskAs(browser, accounts.admin);
  for (const path of ["/redazione", "/redazione?q=tirocinio&stato=published", "/redazione/nuovo/opportunities", "/redazione/nuovo/guides", "/redazione/domande", "/redazione/account", "/redazione/registro"]) {
    await desk.goto(path);
    await expect(desk.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(desk, path);
  }
  await desk.context().close();
});

test("an administrator invites an editor from the desk; the invitation link sets a password and opens the desk", async ({ browser }) => {
  const admin = await deskAs(browser, accounts.admin);
  await admin.getByRole("link", { name: "Account" }).click();
  const email = `${uniqueId("nuova")}@sito-giovani.test`;
  await admin.getByLabel("Nome").fill("Nuova redattrice");
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Ruolo", { exact: true }).selectOption("editor");
  await admin.getByRole("button", { name: "Crea l'invito" }).click();
  const link = (await admin.getByRole("status").locator("code").textContent())!;
  expect(link).toMatch(/\/redazione\/invito\//);
  const pending = admin.getByRole("table").filter({ has: admin.getByRole("columnheader", { name: "Scade" }) });
  await expect(pending.getByRole("cell", { name: email })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const invited = await context.newPage();
  await invited.goto(link);
  await invited.getByLabel("Password").fill("corta");
  await invited.getByRole("button", { name: "Crea l'account" }).click();
  await expect(invited.getByText("almeno 10 caratteri").first()).toBeVisible();
  await invited.getByLabel("Password").fill("una-password-sicura");
  await invited.getByRole("button", { name: "Crea l'account" }).click();
  await expect(invited.getByRole("heading", { level: 1, name: "Contenuti" })).toBeVisible();
  await expect(invited.getByText("Nuova redattrice (Redattore)")).toBeVisible();
  await context.close();

  await admin.reload();
  await expect(admin.getByRole("cell", { name: email })).toHaveCount(1);
  await expect(admin.getByRole("row", { name: new RegExp(email) })).toContainText("Attivo");
  await admin.context().close();
});
