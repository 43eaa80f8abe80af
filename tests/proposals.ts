import { expect } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../playwright.config";
import { editorHeaders, sessionCookie, signUpToken, uniqueId } from "./support";

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");

/** A call as an editor would type it in the desk's API: open from yesterday for 30 days. */
export function callInput(overrides: Record<string, unknown> = {}) {
  return {
    title: `Think Town di prova ${uniqueId("bando")}`,
    summary: "Contributi per progetti promossi da giovani.",
    description_md: "Il bando finanzia **progetti innovativi** dei giovani.",
    eligible: "both",
    age_min: 16,
    age_max: 30,
    district: null,
    ceiling: 500_000,
    cofinancing_percent: 20,
    criteria: [
      { name: "Coerenza tra bisogni, obiettivi e azioni", weight: 60 },
      { name: "Sostenibilità del budget", weight: 40 },
    ],
    opens_at: hours(-24),
    closes_at: hours(24 * 30),
    attachments: ["Statuto dell'associazione"],
    ...overrides,
  };
}

/** Publishes a call; returns its id. */
export async function publishCall(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const id = uniqueId("bando");
  const response = await request.put(`/api/v1/calls/${id}`, { data: callInput(overrides), headers: await editorHeaders(request) });
  expect(response.status(), await response.text()).toBe(201);
  return id;
}

/** Moves a published call's closing time (as an editor, from its current version). */
export async function closeCallAt(request: APIRequestContext, id: string, closesAt: string, overrides: Record<string, unknown> = {}) {
  const headers = await editorHeaders(request);
  const current = await request.get(`/api/v1/desk/entries/calls/${id}`, { headers });
  expect(current.status()).toBe(200);
  const entry = (await current.json()) as { version: number; input: Record<string, unknown> };
  const response = await request.put(`/api/v1/calls/${id}`, {
    data: { ...entry.input, ...overrides, closes_at: closesAt },
    headers: { ...headers, "if-match": `"${entry.version}"` },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
}

/** A complete proposal body: 4 × 250,00 € + 100 × 0,85 € = 1.085,00 €, asking 800,00 €. */
export function proposalBody(overrides: Record<string, unknown> = {}) {
  return {
    group: {
      name: "Giovani in Rete",
      kind: "association",
      district: "crema",
      contact_person: "Marta Rossi",
      members: 8,
      age_min: 17,
      age_max: 24,
    },
    partners: [{ name: "Biblioteca civica", role: "Ospita le serate" }],
    title: `Cinema sul fiume ${uniqueId("p")}`,
    needs: "In estate i ragazzi del quartiere non hanno luoghi d'incontro.",
    objectives: "Quattro serate di cinema all'aperto scelte e organizzate dai ragazzi.",
    actions: [
      { title: "Scelta dei film", start: hours(24 * 40).slice(0, 10), end: hours(24 * 50).slice(0, 10), who: "Gruppo cinema" },
      { title: "Serate", start: hours(24 * 60).slice(0, 10), end: hours(24 * 90).slice(0, 10), who: "Tutto il gruppo" },
    ],
    budget: {
      lines: [
        { category: "services", description: "Noleggio proiettore", quantity: 4, unit_cost: 25_000 },
        { category: "communication", description: "Manifesti", quantity: 100, unit_cost: 85 },
      ],
      requested: 80_000,
    },
    results: "300 presenze e un gruppo stabile di 10 volontari.",
    indicators: "Presenze per serata; questionari.",
    reporting: "Relazione finale con foto e rendiconto delle spese.",
    ...overrides,
  };
}

/** Signs up a new applicant group and opens the link sent to it; returns its headers and id. */
export async function newGroup(request: APIRequestContext, name = "Gruppo di prova") {
  const email = `${uniqueId("gruppo")}@sito-giovani.test`;
  const response = await request.post("/api/v1/accounts", {
    data: { name, group_kind: "association", district: "crema", contact_person: "Marta Rossi", email, password: "una-password-di-prova" },
    headers: { origin },
  });
  expect(response.status(), await response.text()).toBe(202);
  const confirmed = await request.post(`/api/v1/sign-ups/${signUpToken(email)}`, { headers: { origin } });
  expect(confirmed.status(), await confirmed.text()).toBe(201);
  const account = (await confirmed.json()) as { id: string };
  return { id: account.id, email, headers: { cookie: sessionCookie(confirmed.headers()["set-cookie"]), origin } };
}

export interface Receipt {
  id: string;
  protocol: string;
  revision: number;
  submitted_at: string;
  status: string;
}

/** A new submission: a fresh id, revision 1. */
export function submission(callId: string, overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), revision: 1, call_id: callId, body: proposalBody(overrides) };
}
