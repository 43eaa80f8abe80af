import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { publishRecruitingDay } from "../bank";
import { d1, expectAccessible, fitsTheScreen, uniqueWord, waitForServiceWorker } from "../support";

// The Informagiovani CV bank from the phone: the "Per te" profile leaves the phone only after a
// consent screen that shows exactly what is sent; it goes through the outbox once ("In coda"
// offline, then its code); the young person sees what the server keeps, answers a proposal,
// renews and deletes the profile.

const CONSENT =
  "Acconsento che l'Informagiovani conservi il mio profilo di candidatura nella banca dati CV della rete per il lavoro della provincia, per 12 mesi da oggi, perché gli operatori degli sportelli Informagiovani e Info-Lavoro possano propormi offerte di lavoro, tirocini e recruiting day. Gli operatori vedono il profilo senza nome e recapito; li vedono solo se accetto una proposta. Ogni lettura del profilo da parte del personale è registrata e posso vederla. Posso correggere o cancellare il profilo in ogni momento dall'app; dopo 12 mesi scade se non lo rinnovo.";

/** A JSON Resume as another tool (or this app's CV) exports it. */
function resume(skill: string) {
  return {
    basics: { name: "Giulia Bianchi", email: "giulia.bianchi@example.it", location: { city: "Crema" } },
    work: [{ name: "Bar Duomo", position: "Cameriera", summary: "Sala e cassa." }],
    education: [{ institution: "IIS Stanga", studyType: "Diploma di perito agrario" }],
    skills: [{ name: "Competenze digitali", keywords: [skill] }],
    languages: [
      { language: "Italiano", fluency: "Madrelingua" },
      { language: "Inglese", fluency: "B2" },
    ],
  };
}

/** Nothing scrolls sideways and every target is at least 24 px tall, at 360 and at 320 px. */
async function fitsBothWidths(page: Page) {
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 740 });
    await fitsTheScreen(page);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

/** "26 novembre 2027": a day as the page writes it, in Italian time. */
function italianDay(iso: string): string {
  return new Intl.DateTimeFormat("it-IT", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Rome" }).format(new Date(iso));
}

/** "10 dicembre 2026 alle ore 09:30": an instant in Italian time, as the page writes it. */
function italianTime(iso: string): string {
  const time = new Intl.DateTimeFormat("it-IT", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/Rome" }).format(new Date(iso));
  return `${italianDay(iso)} alle ore ${time}`;
}

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

test("the Per te profile reaches the CV bank only with consent, through the outbox, and can be answered, renewed and deleted from the phone", async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const word = uniqueWord();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ""}`));

  // A CV on the phone, and the "Per te" profile filled from it.
  await page.goto("/cv");
  await page.getByLabel("Importa un CV (JSON Resume)").setInputFiles({
    name: "cv.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(resume(word))),
  });
  await expect(page.getByTestId("cv-list").getByRole("link").first()).toBeVisible();
  await page.goto("/per-te");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByTestId("per-te-dal-cv")).toContainText("Compilato dal tuo CV");
  await expect(page.getByLabel("Competenze")).toHaveValue(word);
  await page.getByLabel("Età").fill("22");
  await page.getByLabel("Tirocinio").check();
  await page.getByRole("button", { name: "Salva e mostra i risultati" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "I risultati per te" })).toBeVisible();

  // "Per te" and the CV bank's consent screen work offline.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Per te" })).toBeVisible();
  await page.getByRole("link", { name: /Banca dati CV dell'Informagiovani/ }).click();
  await expect(page).toHaveURL(/\/per-te\/banca-cv$/);
  await expect(page.getByRole("heading", { level: 1, name: "Banca dati CV dell'Informagiovani" })).toBeVisible();

  // Exactly what will be sent, with its values.
  const fields = page.getByTestId("banca-cv-campi");
  await expect(fields).toContainText("Zona e distanzaCrema · Tutta la provincia");
  await expect(fields).toContainText("Età22 anni");
  await expect(fields).toContainText("Tipi di opportunitàTirocinio");
  await expect(fields).toContainText("Lingueitaliano C2, inglese B2");
  await expect(fields).toContainText("Titolo di studiodiploma");
  await expect(fields).toContainText(`Competenze${word}`);
  await expect(page.getByTestId("banca-cv-cv")).toHaveText("Non inviato.");
  await expect(page.getByText("A essere proposto per offerte di lavoro, tirocini e recruiting day")).toBeVisible();
  await expect(page.getByText("Gli operatori degli sportelli Informagiovani e Info-Lavoro della rete")).toBeVisible();
  await expect(page.getByText("12 mesi dall'invio: poi scade, se non lo rinnovi.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Il consenso (versione 1)" })).toBeVisible();
  await expect(page.getByTestId("banca-cv-consenso")).toHaveText(CONSENT);
  await expect(page.getByLabel("Ho letto e acconsento")).not.toBeChecked();
  await expectAccessible(page, "banca-cv (consenso)");
  await fitsBothWidths(page);

  // Mistakes beside their fields, the refusal without the tick beside the box; nothing typed is lost.
  await page.getByLabel("Nome e cognome").fill("Giulia Bianchi");
  await page.getByLabel("Un recapito: e-mail o telefono").fill("giulia@");
  await page.getByRole("button", { name: "Invia il profilo" }).click();
  await expect(page.locator("#banca-cv-contact-errore")).toContainText("Scrivi un'e-mail");
  await expect(page.locator("#banca-cv-consent-errore")).toHaveText("Per inviare il profilo serve il tuo consenso: leggi il testo e spunta la casella.");
  await expect(page.getByLabel("Ho letto e acconsento")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Giulia Bianchi");
  await page.getByLabel("Un recapito: e-mail o telefono").fill("giulia.bianchi@example.it");
  await expect(fields).toContainText("Recapitogiulia.bianchi@example.it");
  await page.getByRole("button", { name: "Invia il profilo" }).click();
  await expect(page.locator("#banca-cv-consent-errore")).toBeVisible();
  await expect(page.locator("#banca-cv-contact-errore")).toHaveCount(0);
  await page.getByLabel("Invia anche il mio CV").check();
  await expect(page.getByTestId("banca-cv-cv")).toHaveText("Il CV «CV importato» in formato JSON Resume, con: dati personali (nome, e-mail, telefono, città), esperienze di lavoro (1), istruzione e formazione (1), lingue (2), competenze.");
  await expectAccessible(page, "banca-cv (errori)");

  // Until the tick and "Invia", no request carried anything of the profile.
  expect(requests.filter((r) => r.includes(word))).toEqual([]);
  const beforeSending = requests.length;
  await page.getByLabel("Ho letto e acconsento").check();
  await page.getByRole("button", { name: "Invia il profilo" }).click();
  const state = page.getByTestId("banca-cv-stato");
  await expect(state).toContainText("In coda");
  await expect(state).toHaveAttribute("data-state", "queued");
  await page.reload();
  await expect(state).toContainText("In coda");
  await expectAccessible(page, "banca-cv (in coda)");

  // Online, the outbox sends it once, and the receipt's code and expiry stay on the phone.
  await context.setOffline(false);
  const code = page.getByTestId("banca-cv-codice");
  await expect(code).toHaveText(/^CVB-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { timeout: 30_000 });
  const theCode = (await code.textContent())!;
  const [held] = d1(`SELECT id, name, contact, profile, cv, consent_version, consent_text, expires_at FROM bank_profiles WHERE code = ${quoted(theCode)}`);
  expect(held).toMatchObject({ name: "Giulia Bianchi", contact: "giulia.bianchi@example.it", consent_version: 1, consent_text: CONSENT });
  expect(String(held.profile)).toContain(word);
  expect(String(held.cv)).toContain("Bar Duomo");
  await expect(page.getByTestId("banca-cv-scadenza")).toHaveText(`Scade il ${italianDay(String(held.expires_at))}`);
  const sent = requests.slice(beforeSending).filter((r) => r.includes(word));
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.every((r) => r.startsWith("POST ") && r.includes("/api/v1/bank/profiles "))).toBe(true);
  expect(requests.slice(0, beforeSending).filter((r) => r.includes(word))).toEqual([]);

  // An operator looked at it, proposes a vacancy and invites to a recruiting day.
  const profileId = String(held.id);
  const proposalId = randomUUID();
  const now = new Date().toISOString();
  d1(`INSERT INTO bank_views (profile_id, at, account_id, by_name, kind) VALUES (${quoted(profileId)}, ${quoted(now)}, 'operatore-prova', 'Marta Operatrice', 'profile')`);
  d1(`INSERT INTO bank_proposals (id, profile_id, account_id, by_name, kind, item_id, title, message, sent_at) VALUES (${quoted(proposalId)}, ${quoted(profileId)}, 'operatore-prova', 'Marta Operatrice', 'opportunity', 'tirocinio-${word}', 'Tirocinio in ufficio ${word}', 'Il tuo inglese è quello che cercano.', ${quoted(now)})`);
  const dayId = `recruiting-${word}`;
  const slots = await publishRecruitingDay(request, dayId, `Recruiting day ${word}`);
  const invitationId = randomUUID();
  d1(`INSERT INTO bank_proposals (id, profile_id, account_id, by_name, kind, item_id, title, message, sent_at) VALUES (${quoted(invitationId)}, ${quoted(profileId)}, 'operatore-prova', 'Marta Operatrice', 'recruiting_day', ${quoted(dayId)}, 'Recruiting day ${word}', 'Ci sono posti da magazziniere.', ${quoted(now)})`);
  await page.reload();
  const server = page.getByRole("region", { name: "Che cosa conserva il server" });
  await expect(server.getByTestId("banca-cv-server-campi")).toContainText(`Competenze${word}`);
  await expect(server.getByTestId("banca-cv-server-cv")).toContainText("CV: presente");
  await expect(server).toContainText("Consenso: versione 1, dato il");
  await expect(server.getByTestId("banca-cv-sguardi")).toContainText("Marta Operatrice ha aperto il profilo");
  const proposal = server.getByTestId("banca-cv-proposte").getByRole("listitem").filter({ hasText: `Tirocinio in ufficio ${word}` });
  await expect(proposal).toContainText("Il tuo inglese è quello che cercano.");
  await expect(proposal).toContainText("Da Marta Operatrice, il");
  await expectAccessible(page, "banca-cv (server)");
  await fitsBothWidths(page);

  await proposal.getByRole("button", { name: "Accetto" }).click();
  await expect(proposal).toContainText("Hai accettato", { timeout: 30_000 });
  expect(d1(`SELECT status FROM bank_proposals WHERE id = ${quoted(proposalId)}`)).toEqual([{ status: "accepted" }]);

  // Accepting a recruiting day asks for one of its interview times, in Italian time.
  const invitation = server.getByTestId("banca-cv-proposte").getByRole("listitem").filter({ hasText: `Recruiting day ${word}` });
  await invitation.getByRole("button", { name: "Accetto" }).click();
  await expect(invitation.getByRole("group", { name: "Scegli l'orario del colloquio" })).toBeVisible();
  await invitation.getByRole("button", { name: "Conferma" }).click();
  await expect(invitation.getByText("Scegli un orario per il colloquio.")).toBeVisible();
  await expectAccessible(page, "banca-cv (orari)");
  await fitsBothWidths(page);
  await invitation.getByLabel(italianTime(slots[1])).check();
  await invitation.getByRole("button", { name: "Conferma" }).click();
  await expect(invitation).toContainText("Hai accettato", { timeout: 30_000 });
  await expect(invitation).toContainText(`Colloquio: ${italianTime(slots[1])}`);
  const [answered] = d1(`SELECT status, slot FROM bank_proposals WHERE id = ${quoted(invitationId)}`);
  expect(answered.status).toBe("accepted");
  expect(new Date(String(answered.slot)).toISOString()).toBe(slots[1]);

  // Offline, the last record read, with when it was read.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("banca-cv-letto")).toContainText("Sei offline: ecco che cosa conservava il server il");
  await expect(proposal).toContainText("Hai accettato");
  await context.setOffline(false);
  await page.reload();

  // "Aggiorna il profilo" shows what is sent again and needs the tick again.
  await page.getByRole("button", { name: "Aggiorna il profilo" }).click();
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Giulia Bianchi");
  await expect(page.getByLabel("Ho letto e acconsento")).not.toBeChecked();
  await page.getByLabel("Un recapito: e-mail o telefono").fill("333 1234567");
  await page.getByRole("button", { name: "Aggiorna e rinnova per 12 mesi" }).click();
  await expect(page.locator("#banca-cv-consent-errore")).toBeVisible();
  await page.getByLabel("Ho letto e acconsento").check();
  await page.getByRole("button", { name: "Aggiorna e rinnova per 12 mesi" }).click();
  await expect(page.getByRole("button", { name: "Aggiorna il profilo" })).toBeVisible();
  await expect(server.getByTestId("banca-cv-server-campi")).toContainText("Recapito333 1234567");
  expect(d1(`SELECT contact, cv FROM bank_profiles WHERE id = ${quoted(profileId)}`)).toEqual([{ contact: "333 1234567", cv: null }]);

  // Deleting it: the server forgets it, and so does the phone.
  await page.getByRole("button", { name: "Cancella il mio profilo" }).click();
  await expectAccessible(page, "banca-cv (cancella)");
  await page.getByRole("button", { name: "Sì, cancella" }).click();
  await expect(page.getByTestId("banca-cv-cancellato")).toHaveText("Profilo cancellato dalla banca dati");
  await expect(page.getByTestId("banca-cv-codice")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invia il profilo" })).toBeVisible();
  await expectAccessible(page, "banca-cv (cancellato)");
  expect(d1(`SELECT id FROM bank_profiles WHERE id = ${quoted(profileId)}`)).toEqual([]);
  expect(d1(`SELECT id FROM bank_proposals WHERE id = ${quoted(proposalId)}`)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId("banca-cv-codice")).toHaveCount(0);
});

test.describe("on a first visit (no service worker yet)", () => {
  test.use({ serviceWorkers: "block" });

  test("the CV bank's page comes with the whole portal, and without a Per te profile says where to start, in Italian or English", async ({ page, request }) => {
    const response = await request.get("/per-te/banca-cv");
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html.match(/\/(sito-[a-z]+)-[0-9a-f]{1,16}_bg\.wasm/)?.[1]).toBe("sito-app");
    expect(html).toMatch(/>Banca dati CV dell(&#x27;|&#39;|')Informagiovani</);

    await page.goto("/per-te/banca-cv");
    await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Banca dati CV dell'Informagiovani");
    await expect(page.getByText("Per inviare il profilo, prima compila «Per te»")).toBeVisible();
    await expect(page.getByRole("button", { name: "Invia il profilo" })).toHaveCount(0);
    await expectAccessible(page, "banca-cv (senza profilo)");
    await fitsBothWidths(page);

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informagiovani CV bank");
    await expect(page.getByRole("link", { name: "Fill in the For you profile" })).toBeVisible();
  });
});
