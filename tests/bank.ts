import { expect, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../playwright.config";
import { d1 } from "./support";

/** The consent version the server takes (core::bank::CONSENT_VERSION). */
export const CONSENT_VERSION = 1;

/** A profile as the phone sends it to the CV bank, with consent. */
export function bankBody(overrides: Record<string, unknown> = {}, profile: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: "Giulia Ferrari",
    contact: "giulia.ferrari@example.it",
    profile: {
      district: "crema",
      reach: "province",
      age: 22,
      sectors: ["office"],
      languages: [{ language: "english", level: "B2" }],
      education: "diploma",
      skills: ["Excel", "contabilità"],
      ...profile,
    },
    consent: { version: CONSENT_VERSION, accepted: true },
    ...overrides,
  };
}

export interface BankReceipt {
  id: string;
  code: string;
  consent_version: number;
  stored_at: string;
  expires_at: string;
}

/** Sends a profile to the bank; expects 201. */
export async function sendProfile(request: APIRequestContext, body: Record<string, unknown> = bankBody()) {
  const response = await request.post("/api/v1/bank/profiles", { data: body, headers: { origin } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as BankReceipt;
}

/** What the server holds about the profile (expects 200). */
export async function record(request: APIRequestContext, receipt: BankReceipt) {
  const response = await request.get(`/api/v1/bank/profiles/${receipt.id}?code=${encodeURIComponent(receipt.code)}`);
  expect(response.status(), await response.text()).toBe(200);
  return await response.json();
}

/** A skill nobody else's profile has, to find this test's profile alone. */
export function rareSkill(prefix = "abilita"): string {
  return `${prefix}${Math.random().toString(36).slice(2, 10)}`;
}

/** Publishes a recruiting day straight into D1 (its desk form is built elsewhere). Its change
 * sequence is negative, so no phone's feed ever carries it. */
export function insertRecruitingDay(id: string, slots: string[], title = "Recruiting day della logistica") {
  const now = new Date().toISOString();
  const day = {
    id,
    version: 1,
    title,
    summary: "Incontra le aziende della logistica del territorio.",
    description_html: "",
    district: "crema",
    place: "Crema, Sala Pietro da Cemmo",
    starts_at: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    ends_at: new Date(Date.now() + 14 * 86_400_000 + 4 * 3_600_000).toISOString(),
    age_min: 18,
    age_max: 35,
    companies: [{ name: "Trasporti Padani", sector: "logistics", roles: [{ title: "Magazziniere", description: "Uso del muletto, Excel.", positions: 3 }] }],
    slots,
    organiser: "Informagiovani di Crema",
    updated_at: now,
    published_by: "redazione@sito-giovani.test",
  };
  const body = JSON.stringify(day).replace(/'/g, "''");
  const seq = -Math.floor(1 + Math.random() * 1e12);
  d1(`INSERT INTO content (kind, id, version, seq, deleted, body, updated_at) VALUES ('recruiting_day', '${id}', 1, ${seq}, 0, '${body}', '${now}')`);
  return day;
}
