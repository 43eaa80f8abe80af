import { expect, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../playwright.config";
import { putRecruitingDay, recruitingDayInput } from "./recruiting";

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

/** Publishes a recruiting day in Crema through the API, as an editor does; returns its interview
 * times (ISO). */
export async function publishRecruitingDay(request: APIRequestContext, id: string, title = "Recruiting day della logistica") {
  const input = recruitingDayInput({ title, district: "crema" });
  await putRecruitingDay(request, id, input);
  return input.slots as string[];
}
