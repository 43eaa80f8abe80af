import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { origin } from "../../playwright.config";
import { d1 } from "../support";
import { newGroup, publishCall } from "../proposals";

/** Proposals sent by the real app while the worker disturbs half of the API requests. */
const PROPOSALS = 5;
const FAULT_PERCENT = 50;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A complete draft as the phone keeps it (sito_core::proposal::ProposalDraft, as typed). */
function draft(id: string, callId: string, n: number) {
  return {
    id,
    call_id: callId,
    revision: 0,
    updated_at: new Date().toISOString(),
    group_name: "Gruppo della prova di resistenza",
    group_kind: "association",
    district: "crema",
    contact_person: "Marta Rossi",
    members: "8",
    age_min: "17",
    age_max: "24",
    partners: [],
    title: `Proposta ${n} sotto disturbo`,
    needs: `Bisogno numero ${n}, scritto con cura: «virgolette», accenti àèìòù.`,
    objectives: "Quattro serate di cinema all'aperto.",
    actions: [{ title: "Serate", start: day(40), end: day(70), who: "Tutto il gruppo" }],
    lines: [
      { category: "services", description: "Noleggio proiettore", quantity: "4", unit_cost: "250,00" },
      { category: "communication", description: "Manifesti", quantity: String(100 + n), unit_cost: "0,85" },
    ],
    requested: "800",
    results: "300 presenze.",
    indicators: "Presenze per serata.",
    reporting: "Relazione finale con foto.",
  };
}

test("the app's outbox gets every proposal through a worker that fails, loses answers or delays half the requests", async ({ page, context, request }) => {
  test.setTimeout(600_000);
  const callId = await publishCall(request);
  const group = await newGroup(request, "Gruppo della prova di resistenza");

  await page.goto("/proposte");
  const form = page.getByTestId("sign-in");
  await form.getByLabel("E-mail").fill(group.email);
  await form.getByLabel("Password").fill("una-password-di-prova");
  await form.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByTestId("signed-in")).toBeVisible();

  // Complete drafts, put in the phone's store as the form would have saved them.
  const ids = Array.from({ length: PROPOSALS }, () => randomUUID());
  const records = ids.map((id, n) => ({ id, draft: draft(id, callId, n), locked: false }));
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("sito-giovani");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction("proposals", "readwrite");
    for (const record of records) tx.objectStore("proposals").put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);

  // From now on half of the API requests of this phone are disturbed.
  await context.addCookies([{ name: "sito_fault", value: String(FAULT_PERCENT), url: origin }]);
  const faults: Record<string, number> = { refused: 0, "answer-lost": 0, delayed: 0 };
  let posts = 0;
  page.on("response", (response) => {
    if (!response.url().endsWith("/api/v1/proposals") || response.request().method() !== "POST") return;
    posts += 1;
    const fault = response.headers()["x-sito-fault"];
    if (fault) faults[fault] += 1;
  });
  for (const id of ids) {
    await page.goto(`/proposte/${id}?passo=6`);
    await page.getByRole("button", { name: "Invia la proposta" }).click();
    await expect(page.getByTestId("send-state")).toContainText("Inviata", { timeout: 180_000 });
    await expect(page.getByTestId("send-state")).toContainText(/PG-\d{4}-\d{5}/);
  }
  await context.clearCookies({ name: "sito_fault" });

  const stored = d1(`SELECT id, body FROM proposals WHERE account_id = '${group.id}'`);
  const events = d1(`SELECT proposal_id, COUNT(*) AS n FROM proposal_events WHERE proposal_id IN (${ids.map((id) => `'${id}'`).join(",")}) GROUP BY proposal_id`);
  const lost = ids.filter((id) => !stored.some((row) => row.id === id)).length;
  const duplicated = stored.length - new Set(stored.map((row) => row.id)).size + events.filter((e) => e.n !== 1).length;
  const report = { proposals: PROPOSALS, fault_percent: FAULT_PERCENT, posts, faults, lost, duplicated, stored: stored.length };
  mkdirSync("target", { recursive: true });
  writeFileSync("target/fault-injection-app.json", JSON.stringify(report, null, 2));
  console.log(`fault injection through the app: ${JSON.stringify(report)}`);

  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(stored).toHaveLength(PROPOSALS);
  for (const [n, id] of ids.entries()) {
    const body = JSON.parse(stored.find((row) => row.id === id)!.body as string);
    expect(body.needs, "the text arrived intact").toBe(records[n].draft.needs);
    expect(body.budget.lines[1]).toEqual({ category: "communication", description: "Manifesti", quantity: 100 + n, unit_cost: 85 });
    expect(body.budget.requested).toBe(80_000);
  }
});
