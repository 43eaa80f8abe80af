import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { d1, expectAccessible, headersAs, signUpToken, uniqueWord, waitForServiceWorker } from "../support";
import { closeCallAt, newGroup, publishCall, submission } from "../proposals";

const PASSWORD = "una-password-di-prova";
/** A date `n` days from today, as a date input takes it. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function next(page: Page, heading: string) {
  await page.getByRole("link", { name: "Avanti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

async function signIn(page: Page, email: string) {
  const form = page.getByTestId("sign-in");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Accedi" }).click();
}

/** A new group and a proposal it sent to a new call from another device (through the API). */
async function sentFromAnotherDevice(request: APIRequestContext, groupName: string) {
  const callId = await publishCall(request);
  const group = await newGroup(request, groupName);
  const sub = submission(callId);
  const sent = await request.post("/api/v1/proposals", { data: sub, headers: group.headers });
  expect(sent.status(), await sent.text()).toBe(201);
  return { callId, group, sub };
}

/** Steps 1–3 of a proposal, from step 1. */
async function groupNeedsActions(page: Page, title: string, check = true) {
  await page.getByLabel("Forma del gruppo").selectOption("association");
  await page.getByLabel("Territorio").selectOption("crema");
  await page.getByLabel("Referente").fill("Marta Rossi");
  await page.getByLabel("Quanti giovani partecipano").fill("8");
  await page.getByLabel("Età del più giovane").fill("17");
  await page.getByLabel("Età del più grande").fill("24");
  await page.getByRole("button", { name: "Aggiungi un partner" }).click();
  await page.getByLabel("Nome del partner").fill("Biblioteca civica di Crema");
  await page.getByLabel("Che cosa fa nel progetto").fill("Ospita le serate e presta le sedie");
  if (check) await expectAccessible(page, "passo 1");

  await next(page, "Bisogni e obiettivi");
  await page.getByLabel("Titolo del progetto").fill(title);
  await page.getByLabel("Bisogni: a quale bisogno risponde il progetto?").fill("In estate i ragazzi del quartiere non hanno luoghi d'incontro.");
  await page.getByLabel("Obiettivi: che cosa volete ottenere?").fill("Quattro serate di cinema all'aperto scelte e organizzate dai ragazzi.");
  if (check) await expectAccessible(page, "passo 2");

  await next(page, "Azioni e fasi di lavoro");
  const first = page.getByRole("group", { name: "Azione 1" });
  await first.getByLabel("Azione", { exact: true }).fill("Scelta dei film");
  await first.getByLabel("Inizio").fill(day(40));
  await first.getByLabel("Fine").fill(day(50));
  await first.getByLabel("Chi se ne occupa").fill("Gruppo cinema");
  await page.getByRole("button", { name: "Aggiungi un'azione" }).click();
  const second = page.getByRole("group", { name: "Azione 2" });
  await second.getByLabel("Azione", { exact: true }).fill("Serate sul fiume");
  await second.getByLabel("Inizio").fill(day(60));
  await second.getByLabel("Fine").fill(day(90));
  await second.getByLabel("Chi se ne occupa").fill("Tutto il gruppo");
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(2);
  if (check) await expectAccessible(page, "passo 3");
}

/** Step 4, from step 3: 2 × 1.234,50 € + 100 × 0,85 € = 2.554,00 €. */
async function budget(page: Page, check = true) {
  await next(page, "Budget");
  const first = page.getByRole("group", { name: "Voce di spesa 1" });
  await first.getByLabel("Categoria").selectOption("services");
  await first.getByLabel("Descrizione").fill("Noleggio proiettore e schermo");
  await first.getByLabel("Quantità").fill("2");
  await first.getByLabel("Costo unitario (€)").fill("1.234,50");
  await expect(first.getByTestId("line-total")).toContainText("2.469,00 €");
  await page.getByRole("button", { name: "Aggiungi una voce di spesa" }).click();
  const second = page.getByRole("group", { name: "Voce di spesa 2" });
  await second.getByLabel("Categoria").selectOption("communication");
  await second.getByLabel("Descrizione").fill("Manifesti");
  await second.getByLabel("Quantità").fill("100");
  await second.getByLabel("Costo unitario (€)").fill("0,85");
  await expect(page.getByTestId("total")).toHaveText("2.554,00 €");
  // Checked live against the call: 20% of 2.554,00 € must come from the group.
  await page.getByLabel("Contributo richiesto al bando (€)").fill("2.500");
  await expect(page.getByTestId("budget-check")).toContainText(
    "Il cofinanziamento deve essere almeno il 20% del totale: 510,80 € (ora è 54,00 €).",
  );
  await page.getByLabel("Contributo richiesto al bando (€)").fill("2.000");
  await expect(page.getByTestId("budget-check")).toContainText("Il budget rispetta il contributo massimo");
  await expect(page.getByTestId("cofinancing")).toHaveText("554,00 €");
  if (check) await expectAccessible(page, "passo 4");
}

async function results(page: Page) {
  await next(page, "Risultati e rendicontazione");
  await page.getByLabel("Risultati attesi").fill("300 presenze e un gruppo stabile di 10 volontari.");
  await page.getByLabel("Indicatori: come misurerete i risultati?").fill("Presenze per serata; questionari di gradimento.");
  await page.getByLabel("Rendicontazione: come documenterete attività e spese?").fill("Relazione finale con foto e rendiconto delle spese.");
}

test("a group drafts a proposal over six steps, keeps it across an offline reload, and sends it exactly once", async ({ page, context, request }) => {
  const word = uniqueWord();
  const callId = await publishCall(request, { title: "Think Town di prova aperto", summary: `Contributi per progetti promossi da giovani: ${word}.` });
  const closedId = await publishCall(request, {
    title: "Think Town di prova chiuso",
    opens_at: new Date(Date.now() - 60 * 86_400_000).toISOString(),
    closes_at: new Date(Date.now() - 86_400_000).toISOString(),
  });
  const group = await newGroup(request, "Giovani del Serio");
  const title = `Cinema sul fiume ${Date.now().toString(36)}`;

  // The calls in the portal: open ones before closed ones.
  await page.goto("/bandi");
  const calls = page.getByTestId("calls");
  await expect(calls.getByRole("link", { name: "Think Town di prova aperto" }).first()).toBeVisible();
  const names = await calls.getByRole("heading").allTextContents();
  expect(names.indexOf("Think Town di prova aperto")).toBeLessThan(names.indexOf("Think Town di prova chiuso"));
  await expect(page.locator("li", { hasText: "Think Town di prova aperto" }).first()).toContainText("Aperto fino al");
  await expect(page.locator("li", { hasText: "Think Town di prova chiuso" }).first()).toContainText("Chiuso il");
  await expectAccessible(page, "bandi");
  // Search finds calls too, offline like everything else.
  await page.goto(`/cerca?q=${word}`);
  await page.getByTestId("search-results").getByRole("link", { name: "Think Town di prova aperto" }).click();
  await expect(page).toHaveURL(new RegExp(`/bandi/${callId}$`));
  await page.goto(`/bandi/${closedId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Think Town di prova chiuso" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Prepara una proposta" })).toHaveCount(0);

  // The group signs in on the phone.
  await page.goto("/proposte");
  await expectAccessible(page, "le mie proposte");
  await signIn(page, group.email);
  await expect(page.getByTestId("signed-in")).toContainText("Giovani del Serio");

  await page.goto(`/bandi/${callId}`);
  await expect(page.getByText("5.000,00 €")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Sostenibilità del budget" })).toBeVisible();
  await expectAccessible(page, "bando");
  await page.getByRole("link", { name: "Prepara una proposta" }).click();
  await expect(page).toHaveURL(/\/proposte\/[0-9a-f-]{36}\?passo=1$/);
  const editor = page.url().replace(/\?.*$/, "");
  const id = editor.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: "Il gruppo e i partner" })).toBeVisible();
  // Filled in from the group's account.
  await expect(page.getByLabel("Nome del gruppo o dell'associazione")).toHaveValue("Giovani del Serio");
  await expect(page.getByLabel("Forma del gruppo")).toHaveValue("association");
  await expect(page.getByLabel("Territorio")).toHaveValue("crema");
  await expect(page.getByLabel("Referente")).toHaveValue("Marta Rossi");
  await waitForServiceWorker(page);

  // An error shows beside its field once the field is left.
  await page.getByLabel("Quanti giovani partecipano").fill("otto");
  await page.getByLabel("Età del più giovane").focus();
  await expect(page.getByText("Scrivi il numero con sole cifre, per esempio 12.")).toBeVisible();
  await expect(page.getByLabel("Quanti giovani partecipano")).toHaveAttribute("aria-describedby", "f-group-members-errore");
  await groupNeedsActions(page, title);
  await budget(page);

  // Offline, a reload keeps everything typed, and the totals.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Budget" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Voce di spesa 1" }).getByLabel("Costo unitario (€)")).toHaveValue("1.234,50");
  await expect(page.getByLabel("Contributo richiesto al bando (€)")).toHaveValue("2.000");
  await expect(page.getByTestId("total")).toHaveText("2.554,00 €");
  await expect(page.getByTestId("requested")).toHaveText("2.000,00 €");
  await page.goto(`${editor}?passo=1`);
  await expect(page.getByLabel("Quanti giovani partecipano")).toHaveValue("8");
  await expect(page.getByLabel("Nome del partner")).toHaveValue("Biblioteca civica di Crema");
  await page.goto(`${editor}?passo=3`);
  await expect(page.getByRole("group", { name: "Azione 2" }).getByLabel("Fine")).toHaveValue(day(90));
  await page.goto(`${editor}?passo=4`);
  await results(page);
  await expectAccessible(page, "passo 5");

  await next(page, "Controlla e invia");
  await expect(page.getByTestId("review-errors")).toHaveCount(0);
  await expect(page.getByText("La proposta è completa: puoi inviarla.")).toBeVisible();
  await expectAccessible(page, "passo 6");
  await page.getByRole("button", { name: "Invia la proposta" }).click();
  const state = page.getByTestId("send-state");
  await expect(state).toContainText("In coda");
  await expect(state).toContainText("partirà appena c'è connessione");
  // The draft is read-only once sent to the outbox, and the page says only what is true: queued.
  await page.goto(`${editor}?passo=2`);
  await expect(page.getByTestId("locked")).toContainText("Non è ancora arrivata");
  await expect(page.getByTestId("locked")).not.toContainText("Proposta inviata");
  await expect(page.getByLabel("Titolo del progetto")).toBeDisabled();
  await expect(state).toContainText("In coda");

  await context.setOffline(false);
  await expect(state).toContainText("Inviata");
  await expect(page.getByTestId("locked")).toContainText("Proposta inviata");
  const protocol = (await state.getByTestId("protocol").textContent())!;
  expect(protocol).toMatch(/^PG-/);
  expect(d1(`SELECT count(*) AS n, max(revision) AS r, max(title) AS t FROM proposals WHERE id = '${id}'`)).toEqual([
    { n: 1, r: 1, t: title },
  ]);

  await page.goto(`${editor}?passo=6`);
  await expect(page.getByTestId("status")).toHaveText("Inviata");
  await expectAccessible(page, "passo 6 inviata");
  await page.getByRole("link", { name: "Versione da stampare" }).click();
  const sheet = page.getByTestId("proposal-sheet");
  for (const section of ["Il gruppo e i partner", "Bisogni e obiettivi", "Azioni e fasi di lavoro", "Budget", "Risultati e rendicontazione"]) {
    await expect(sheet.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(sheet.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(sheet.getByTestId("print-protocol")).toContainText(protocol);
  await expect(sheet.getByTestId("print-budget")).toContainText("2.554,00 €");
  await expect(sheet).toContainText("Firma del referente");
  await expectAccessible(page, "stampa");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.top")).toBeHidden();
  await expect(page.getByRole("button", { name: "Stampa o salva in PDF" })).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.goto("/proposte");
  await expect(page.getByTestId("drafts")).toContainText(protocol);
  await expect(page.getByTestId("sent")).toContainText(title);
  // Signing out forgets what the server said and hides the group's drafts, which stay on the
  // phone for its next sign-in.
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByTestId("sign-in")).toBeVisible();
  await expect(page.getByTestId("sent")).toHaveCount(0);
  await expect(page.getByText(title)).toHaveCount(0);
  await expect(page.getByTestId("other-drafts")).toHaveText(
    "Bozze di altri account su questo telefono: 1. Per vederle accedi con l'account che le ha scritte.",
  );
  await signIn(page, group.email);
  await expect(page.getByTestId("drafts")).toContainText(protocol);
});

test("sending signed out waits for the sign-in; the group then withdraws, edits and sends revision 2", async ({ page, request }) => {
  const callId = await publishCall(request);
  const group = await newGroup(request, "Gruppo del Po");
  const title = `Orto in piazza ${Date.now().toString(36)}`;

  await page.goto(`/proposte/nuova?bando=${callId}`);
  await expect(page).toHaveURL(/\/proposte\/[0-9a-f-]{36}\?passo=1$/);
  const editor = page.url().replace(/\?.*$/, "");
  const id = editor.split("/").pop()!;
  await page.getByLabel("Nome del gruppo o dell'associazione").fill("Gruppo del Po");
  await groupNeedsActions(page, title, false);
  await budget(page, false);
  await results(page);
  await next(page, "Controlla e invia");
  await page.getByRole("button", { name: "Invia la proposta" }).click();

  // Not signed in: not refused, waiting for the sign-in.
  const state = page.getByTestId("send-state");
  await expect(state).toContainText("Accedi per inviare");
  await expectAccessible(page, "accedi per inviare");
  expect(d1(`SELECT count(*) AS n FROM proposals WHERE id = '${id}'`)).toEqual([{ n: 0 }]);
  await signIn(page, group.email);
  await expect(state).toContainText("Inviata");
  await expect(page.getByTestId("status")).toHaveText("Inviata");

  await page.getByRole("button", { name: "Ritira la proposta" }).click();
  await page.getByRole("button", { name: "Sì, ritira" }).click();
  await expect(page.getByTestId("status")).toHaveText("Ritirata");

  await page.goto(`${editor}?passo=2`);
  await expect(page.getByTestId("locked")).toHaveCount(0);
  await page.getByLabel("Titolo del progetto").fill(`${title} (rivisto)`);
  await page.goto(`${editor}?passo=6`);
  await page.getByRole("button", { name: "Invia la proposta" }).click();
  await expect(page.getByTestId("status")).toHaveText("Inviata");
  expect(d1(`SELECT count(*) AS n, max(revision) AS r, max(title) AS t FROM proposals WHERE id = '${id}'`)).toEqual([
    { n: 1, r: 2, t: `${title} (rivisto)` },
  ]);

  // The phone may forget its copy; the server keeps the proposal and the phone rebuilds it.
  await page.getByRole("button", { name: "Elimina bozza" }).click();
  await page.getByRole("button", { name: "Sì, elimina" }).click();
  await expect(page.getByText("Nessuna bozza su questo telefono.")).toBeVisible();
  await page.getByTestId("sent").getByRole("link", { name: `${title} (rivisto)` }).click();
  await expect(page.getByTestId("status")).toHaveText("Inviata");
  await expect(page.getByTestId("locked")).toBeVisible();
  await page.goto(`${editor}?passo=4`);
  await expect(page.getByRole("group", { name: "Voce di spesa 1" }).getByLabel("Costo unitario (€)")).toHaveValue("1.234,50");
  await expect(page.getByTestId("total")).toHaveText("2.554,00 €");
});

test("reviewers ask for changes: the group reads their message on the phone, edits and sends again", async ({ page, request }) => {
  const { group, sub } = await sentFromAnotherDevice(request, "Giovani in Rete");
  const message = "Aggiungete il preventivo del noleggio del proiettore.";
  const asked = await request.post(`/api/v1/review/proposals/${sub.id}/changes`, {
    data: { message },
    headers: await headersAs(request, "reviewer"),
  });
  expect(asked.status(), await asked.text()).toBe(200);

  // A phone that never had the draft: signed in, it finds the proposal on the server.
  await page.goto("/proposte");
  await signIn(page, group.email);
  await page.getByTestId("sent").getByRole("link", { name: sub.body.title as string }).click();
  await expect(page.getByTestId("status")).toHaveText("Modifiche richieste");
  await expect(page.getByTestId("server-state")).toContainText(message);
  await expectAccessible(page, "modifiche richieste");
  await page.getByRole("button", { name: "Modifica e reinvia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Il gruppo e i partner" })).toBeVisible();
  await expect(page.getByTestId("locked")).toHaveCount(0);
  await page.getByRole("link", { name: "Avanti" }).click();
  await page.getByLabel("Titolo del progetto").fill(`${sub.body.title} con preventivo`);
  await page.goto(`${page.url().replace(/\?.*$/, "")}?passo=6`);
  await page.getByRole("button", { name: "Invia la proposta" }).click();
  await expect(page.getByTestId("status")).toHaveText("Inviata");
  expect(d1(`SELECT count(*) AS n, max(revision) AS r, max(title) AS t FROM proposals WHERE id = '${sub.id}'`)).toEqual([
    { n: 1, r: 2, t: `${sub.body.title} con preventivo` },
  ]);
});

test("the call closes while the page is open: withdrawing is refused in Italian and the proposal stays sent", async ({ page, request }) => {
  const { callId, group, sub } = await sentFromAnotherDevice(request, "Giovani del Serio");

  await page.goto("/proposte");
  await signIn(page, group.email);
  await page.getByTestId("sent").getByRole("link", { name: sub.body.title as string }).click();
  await expect(page.getByTestId("status")).toHaveText("Inviata");
  await page.getByRole("button", { name: "Ritira la proposta" }).click();

  // The deadline passes between opening the page and confirming.
  await closeCallAt(request, callId, new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, "Z"));
  await page.getByRole("button", { name: "Sì, ritira" }).click();
  const state = page.getByTestId("server-state");
  await expect(state).toContainText("è chiuso dal");
  await expect(state).toContainText("non si possono più inviare, modificare o ritirare proposte");
  await expect(page.getByRole("button", { name: "Ritira la proposta" })).toHaveCount(0);
  await expect(page.getByTestId("status")).toHaveText("Inviata");
  await expectAccessible(page, "ritiro rifiutato");
  expect(d1(`SELECT status FROM proposals WHERE id = '${sub.id}'`)).toEqual([{ status: "submitted" }]);
});

test("on a shared phone a group never sees another group's draft, and finds its own again after signing back in", async ({ page, request }) => {
  const callId = await publishCall(request);
  const first = await newGroup(request, "Giovani del Serio");
  const second = await newGroup(request, "Ragazzi dell'Oglio");
  const title = `Festa di quartiere ${Date.now().toString(36)}`;

  await page.goto("/proposte");
  await signIn(page, first.email);
  await expect(page.getByRole("button", { name: "Esci" })).toBeVisible();
  await page.goto(`/proposte/nuova?bando=${callId}`);
  await expect(page).toHaveURL(/\/proposte\/[0-9a-f-]{36}\?passo=1$/);
  const editor = page.url().replace(/\?.*$/, "");
  await page.goto(`${editor}?passo=2`);
  await page.getByLabel("Titolo del progetto").fill(title);
  await page.goto("/proposte");
  await expect(page.getByTestId("drafts")).toContainText(title);

  await page.getByRole("button", { name: "Esci" }).click();
  await signIn(page, second.email);
  await expect(page.getByRole("button", { name: "Esci" })).toBeVisible();
  await expect(page.getByTestId("other-drafts")).toHaveText(
    "Bozze di altri account su questo telefono: 1. Per vederle accedi con l'account che le ha scritte.",
  );
  await expect(page.getByText(title)).toHaveCount(0);
  // Not by its address either, nor its print view.
  await page.goto(`${editor}?passo=2`);
  await expect(page.getByRole("heading", { level: 1, name: "Proposta non trovata su questo telefono" })).toBeVisible();
  await expect(page.getByLabel("Titolo del progetto")).toHaveCount(0);
  await page.goto(`${editor}/stampa`);
  await expect(page.getByText(title)).toHaveCount(0);

  await page.goto("/proposte");
  await page.getByRole("button", { name: "Esci" }).click();
  await signIn(page, first.email);
  await expect(page.getByTestId("drafts")).toContainText(title);
  await expect(page.getByTestId("other-drafts")).toHaveCount(0);
});

test("a group starting signed out is told what sending needs, signs up from its draft, and finds the draft filled in", async ({ page, request }) => {
  const callId = await publishCall(request);
  await page.goto(`/bandi/${callId}`);
  await page.getByRole("link", { name: "Prepara una proposta" }).click();
  await expect(page).toHaveURL(/\/proposte\/[0-9a-f-]{36}\?passo=1$/);
  const editor = page.url().replace(/\?.*$/, "");
  // Up front, on step 1: sending needs the group's account, writing does not.
  await expect(page.getByTestId("needs-account")).toContainText("Per inviare la proposta serve l'account del gruppo");
  await expect(page.getByLabel("Nome del gruppo o dell'associazione")).toHaveValue("");

  // At the end, signing up is the first way offered, and it looks like a button.
  await page.goto(`${editor}?passo=6`);
  const signUp = page.locator("summary", { hasText: "Registra il tuo gruppo" });
  await expect(signUp).toHaveCSS("border-top-style", "solid");
  const summaryBox = (await signUp.boundingBox())!;
  const signInBox = (await page.getByTestId("sign-in").boundingBox())!;
  expect(summaryBox.y).toBeLessThan(signInBox.y);
  await signUp.click();
  const form = page.getByTestId("sign-up");
  const name = `Giovani del Po ${uniqueWord()}`;
  await form.getByLabel("Nome del gruppo o dell'associazione").fill(name);
  await form.getByLabel("Forma del gruppo").selectOption("informal_group");
  await form.getByLabel("Territorio").selectOption("casalmaggiore");
  await form.getByLabel("Referente").fill("Luca Ferrari");
  const email = `${uniqueWord()}@example.org`;
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password (almeno 10 caratteri)").fill(PASSWORD);
  await form.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.getByText(`Controlla la posta di ${email}`)).toBeVisible();
  // The link in the message activates the account and signs the group in on this phone.
  await page.goto(`/proposte/conferma/${signUpToken(email)}`);
  await page.getByRole("button", { name: "Attiva l'account" }).click();
  await expect(page).toHaveURL(/\/proposte$/);

  // The draft begun signed out now carries the group's details, as a new draft would.
  await page.goto(`${editor}?passo=1`);
  await expect(page.getByLabel("Nome del gruppo o dell'associazione")).toHaveValue(name);
  await expect(page.getByLabel("Forma del gruppo")).toHaveValue("informal_group");
  await expect(page.getByLabel("Territorio")).toHaveValue("casalmaggiore");
  await expect(page.getByLabel("Referente")).toHaveValue("Luca Ferrari");
  await expect(page.getByTestId("needs-account")).toHaveCount(0);
});
