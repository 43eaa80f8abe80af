import { expect, test } from "@playwright/test";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { accounts, expectAccessible, headersAs } from "../support";
import { publishCall, type Receipt, submission } from "../proposals";

/** A laptop browser signed in to the desk as `who`; returns the page after sign-in. */
async function deskAs(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "it-IT", timezoneId: "Europe/Rome" });
  const desk = await context.newPage();
  await desk.goto("/redazione");
  await desk.getByLabel("E-mail").fill(who.email);
  await desk.getByLabel("Password").fill(who.password);
  await desk.getByRole("button", { name: "Accedi" }).click();
  return desk;
}

/** A call with two proposals from the demo group; returns the call's title and the proposals. */
async function callWithProposals(request: APIRequestContext) {
  const title = `Think Town in redazione ${Date.now().toString(36)}`;
  const callId = await publishCall(request, { title });
  const group = await headersAs(request, "applicant");
  const proposals: { id: string; protocol: string; title: string }[] = [];
  for (const name of ["Cinema sul fiume", "Orti in cortile"]) {
    const sent = submission(callId, { title: `${name} ${Date.now().toString(36)}` });
    const response = await request.post("/api/v1/proposals", { data: sent, headers: group });
    expect(response.status(), await response.text()).toBe(201);
    proposals.push({ id: sent.id, protocol: ((await response.json()) as Receipt).protocol, title: sent.body.title });
  }
  return { callId, title, proposals };
}

test("a reviewer opens a call, reads a proposal and scores it through the form; the pages pass axe", async ({ browser, request }) => {
  const { title, proposals } = await callWithProposals(request);
  const [first, second] = proposals;
  const desk = await deskAs(browser, accounts.reviewer);

  await expect(desk).toHaveURL(/\/redazione\/bandi$/);
  await expect(desk.getByRole("heading", { level: 1, name: "Bandi e proposte" })).toBeVisible();
  await expect(desk.getByRole("navigation", { name: "Redazione" }).getByRole("link", { name: "Contenuti" })).toHaveCount(0);
  await expectAccessible(desk, "bandi");

  await desk.getByRole("link", { name: title }).click();
  await expect(desk.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(desk.getByRole("link", { name: "Scarica le valutazioni (CSV)" })).toBeVisible();
  await expect(desk.getByRole("button", { name: "Pubblica le decisioni" })).toHaveCount(0);
  await expect(desk.getByText("2 proposte non hanno ancora una decisione")).toBeVisible();
  await desk.getByRole("link", { name: "Da valutare" }).click();
  await expect(desk.getByRole("link", { name: first.protocol })).toBeVisible();
  await expect(desk.getByRole("link", { name: second.protocol })).toBeVisible();
  await expectAccessible(desk, "bando");

  await desk.getByRole("link", { name: first.protocol }).click();
  await expect(desk.getByRole("heading", { level: 1, name: first.title })).toBeVisible();
  // The whole proposal, readable: actions as a table, the budget with its totals.
  await expect(desk.getByRole("cell", { name: "Gruppo cinema" })).toBeVisible();
  await expect(desk.getByRole("table", { name: "Voci di spesa" })).toContainText("Noleggio proiettore");
  const totals = desk.getByRole("table", { name: "Totali per categoria" });
  await expect(totals.getByRole("row", { name: /Costo totale/ })).toContainText("1.085,00 €");
  await expect(totals.getByRole("row", { name: /Servizi/ })).toContainText("1.000,00 €");
  await expect(desk.getByText("Cofinanziamento del gruppo")).toBeVisible();
  await expectAccessible(desk, "proposta");

  await desk.getByLabel("Coerenza tra bisogni, obiettivi e azioni (peso 60)").fill("7");
  await desk.getByLabel("Sostenibilità del budget (peso 40)").fill("5");
  await desk.getByLabel(/^Commento/).fill("Idea chiara, budget da rivedere.");
  await desk.getByLabel(/^Nota privata/).fill("Telefonare alla referente");
  await desk.getByRole("button", { name: "Salva la valutazione" }).click();
  await expect(desk.getByRole("status")).toHaveText("Valutazione salvata.");
  const reviews = desk.getByRole("table", { name: "Valutazioni" });
  await expect(reviews.getByRole("row", { name: /Commissione bandi giovani \(tu\)/ })).toContainText("62,00");
  await expect(desk.getByLabel(/^Nota privata/)).toHaveValue("Telefonare alla referente");
  await expect(desk.getByRole("table", { name: "Cronologia" })).toContainText("In valutazione");

  // A decision over what was asked: the message sits beside the field, and what was typed stays.
  await desk.getByRole("radio", { name: "Finanziata", exact: true }).check();
  await desk.getByLabel(/^Importo concesso/).fill("900,00");
  await desk.getByRole("button", { name: "Salva la decisione proposta" }).click();
  await expect(desk.getByRole("alert")).toContainText("Controlla i campi segnalati");
  await expect(desk.getByLabel(/^Importo concesso/)).toHaveAccessibleDescription(/L.importo va da 0,01 € al contributo richiesto/);
  await expect(desk.getByLabel(/^Importo concesso/)).toHaveValue("900,00");
  await expect(desk.getByRole("radio", { name: "Finanziata", exact: true })).toBeChecked();
  await expectAccessible(desk, "proposta con errori");
  await desk.getByLabel(/^Importo concesso/).fill("750,00");
  await desk.getByRole("button", { name: "Salva la decisione proposta" }).click();
  await expect(desk.getByRole("status")).toContainText("Decisione proposta salvata");

  await desk.getByRole("link", { name: `← ${title}` }).click();
  await desk.getByRole("link", { name: "Valutate da me" }).click();
  await expect(desk.getByRole("link", { name: first.protocol })).toBeVisible();
  await expect(desk.getByRole("link", { name: second.protocol })).toHaveCount(0);
  await desk.getByRole("link", { name: "Da valutare" }).click();
  await expect(desk.getByRole("link", { name: second.protocol })).toBeVisible();
  await expect(desk.getByRole("link", { name: first.protocol })).toHaveCount(0);
  await expect(desk.getByText("Una proposta non ha ancora una decisione")).toBeVisible();
  await desk.context().close();
});

test("an editor publishes a call's decisions after a confirmation", async ({ browser, request }) => {
  const { callId, title, proposals } = await callWithProposals(request);
  const editor = await headersAs(request, "editor");
  for (const [p, decision] of [
    [proposals[0], { outcome: "funded", amount: 60_000 }],
    [proposals[1], { outcome: "not_funded", reasons: "Fuori dal tema del bando." }],
  ] as const) {
    const response = await request.put(`/api/v1/review/proposals/${p.id}/decision`, { data: decision, headers: editor });
    expect(response.status(), await response.text()).toBe(200);
  }
  const desk = await deskAs(browser, accounts.editor);
  await desk.goto(`/redazione/bandi/${callId}`);
  await desk.getByRole("button", { name: "Pubblica le decisioni" }).click();
  await expect(desk.getByRole("heading", { level: 1, name: "Pubblicare le decisioni?" })).toBeVisible();
  await expect(desk.getByText(`Stai per pubblicare 2 decisioni del bando «${title}»`)).toBeVisible();
  await expectAccessible(desk, "conferma");
  await desk.getByRole("button", { name: "Sì, pubblica le decisioni" }).click();
  await expect(desk.getByRole("status")).toContainText("Decisioni pubblicate: 2");
  await expect(desk.getByText("Le decisioni di questo bando sono pubblicate.")).toBeVisible();
  await expect(desk.getByRole("row", { name: new RegExp(proposals[0].protocol) })).toContainText("Finanziata (600,00 €) · pubblicata");

  const group = await request.get(`/api/v1/proposals/${proposals[0].id}`, { headers: await headersAs(request, "applicant") });
  expect(((await group.json()) as { status: string }).status).toBe("funded");
  await desk.context().close();
});
