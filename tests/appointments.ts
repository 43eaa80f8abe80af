import { expect } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../playwright.config";
import { headersAs } from "./support";

/** A free slot as `GET /api/v1/appointments/slots` lists it. */
export interface Slot {
  id: string;
  topic: string;
  starts_at: string;
  ends_at: string;
  mode: string;
  place: string;
  cutoff_hours: number;
}

/** A calendar day `days` from today, as `YYYY-MM-DD`, and its ISO weekday (1 = Monday). */
export function dayFromNow(days: number): { date: string; weekday: number } {
  const d = new Date(Date.now() + days * 86_400_000);
  return { date: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
}

/** A weekly series as the desk would open it: one day, `slots` slots from 09:30 Italian time. */
export function seriesInput(overrides: Record<string, unknown> = {}) {
  const first = dayFromNow(8);
  return {
    topic: "cv",
    weekday: first.weekday,
    start_time: "09:30",
    slot_minutes: 30,
    slots: 3,
    from: first.date,
    to: first.date,
    mode: "in_person",
    place: "Informagiovani di Crema, piazza Duomo 1",
    cutoff_hours: 24,
    ...overrides,
  };
}

/** Opens a series as an operator; returns its id and its free slots. */
export async function openSeries(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const input = seriesInput(overrides);
  const opened = await request.post("/api/v1/desk/appointments/series", { data: input, headers: await headersAs(request, "operator") });
  expect(opened.status(), await opened.text()).toBe(201);
  const { series_id: seriesId } = (await opened.json()) as { series_id: string; slots: number };
  const listed = await request.get(`/api/v1/appointments/slots?tema=${input.topic}`);
  expect(listed.status()).toBe(200);
  const slots = ((await listed.json()) as { slots: Slot[] }).slots.filter((s) => s.id.startsWith(`${seriesId}-`));
  return { seriesId, slots, input };
}

/** A booking as the phone sends it. */
export function booking(slotId: string, overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), slot_id: slotId, name: "Giulia Rossi", email: "giulia@esempio.it", ...overrides };
}

export async function book(request: APIRequestContext, slotId: string, overrides: Record<string, unknown> = {}) {
  const input = booking(slotId, overrides);
  const response = await request.post("/api/v1/appointments", { data: input, headers: { origin } });
  expect(response.status(), await response.text()).toBe(201);
  return { input, receipt: (await response.json()) as { id: string; code: string; status: string; slot: Slot } };
}
