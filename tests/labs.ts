import { expect, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../playwright.config";
import { editorHeaders } from "./support";

const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A lab's input whose sign-ups opened an hour ago and close in a day, with two modules of
 * sessions after the closing (`opensIn`/`closesIn` in hours move the window). */
export function labInput(overrides: Record<string, unknown> = {}, opensIn = -1, closesIn = 24) {
  const now = Date.now();
  const closes = now + closesIn * hour;
  return {
    format: "lab",
    title: "Laboratorio professional skills: comunicare sul lavoro",
    summary: "Due moduli per allenare le competenze trasversali.",
    description_md: "Esercitazioni in **piccoli gruppi**.",
    modules: [
      {
        title: "Comunicare in gruppo",
        sessions: [
          { starts_at: iso(closes + 48 * hour), ends_at: iso(closes + 50.5 * hour), place: "Informagiovani di Cremona, via Palestro 11" },
          { starts_at: iso(closes + 216 * hour), ends_at: iso(closes + 218.5 * hour), place: "Informagiovani di Cremona, via Palestro 11" },
        ],
      },
      { title: "Il colloquio", sessions: [{ starts_at: iso(closes + 384 * hour), ends_at: iso(closes + 386 * hour), place: "https://meet.example.org/colloquio" }] },
    ],
    audience: "young_people",
    age_min: 18,
    age_max: 25,
    districts: ["cremona", "crema"],
    min_places: 10,
    max_places: 20,
    signup_opens_at: iso(now + opensIn * hour),
    signup_closes_at: iso(closes),
    organiser: "Informagiovani di Cremona",
    ...overrides,
  };
}

/** Publishes a lab through the API. */
export async function putLab(request: APIRequestContext, id: string, input: Record<string, unknown> = labInput()) {
  const response = await request.put(`/api/v1/labs/${id}`, { data: input, headers: await editorHeaders(request) });
  expect(response.status(), await response.text()).toBe(201);
}

export interface Receipt {
  lab_id: string;
  code: string;
  status: "confirmed" | "waiting" | "cancelled";
  position?: number;
  signed_up_at: string;
  lab_cancelled?: boolean;
}

/** A sign-up's body as the phone sends it. */
export function signupBody(name = "Sara Rossi", contact = "sara.rossi@example.it") {
  return { id: randomUUID(), name, contact, age_band: "18-24" };
}

export async function signUp(request: APIRequestContext, labId: string, body = signupBody()) {
  const response = await request.post(`/api/v1/labs/${labId}/signups`, { data: body, headers: { origin } });
  expect(response.status(), await response.text()).toBe(201);
  return { id: body.id, receipt: (await response.json()) as Receipt };
}

/** The published lab as the API answers it. */
export async function lab(request: APIRequestContext, labId: string) {
  return (await (await request.get(`/api/v1/labs/${labId}`)).json()) as { places: { taken: number; waiting: number; cancelled: number }; cancelled?: boolean };
}
