import { expect, type APIRequestContext } from "@playwright/test";
import { editorHeaders } from "./support";

const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A recruiting day's input: a morning `inDays` days from now (10:00–14:00 UTC), two companies
 * with three roles, and four interview times. */
export function recruitingDayInput(overrides: Record<string, unknown> = {}, inDays = 14) {
  const day = new Date(Date.now() + inDays * 24 * hour);
  day.setUTCHours(8, 0, 0, 0);
  const start = day.getTime();
  return {
    title: "Recruiting day: ristorazione e logistica",
    summary: "Incontra le aziende che assumono e fai il colloquio il giorno stesso.",
    description_md: "Porta il **curriculum** stampato.",
    district: "cremona",
    place: "Centro per l'Impiego di Cremona, via Dante 136",
    starts_at: iso(start),
    ends_at: iso(start + 4 * hour),
    age_min: 18,
    age_max: 29,
    companies: [
      {
        name: "Trattoria del Po s.r.l.",
        sector: "hospitality",
        roles: [
          { title: "Cameriere/a di sala", description: "Turni serali.", positions: 3 },
          { title: "Aiuto cuoco/a", positions: 1 },
        ],
      },
      { name: "Logistica Padana", roles: [{ title: "Magazziniere/a", positions: 5 }] },
    ],
    slots: [0.5, 1, 1.5, 2].map((h) => iso(start + h * hour)),
    organiser: "Centro per l'Impiego di Cremona",
    ...overrides,
  };
}

/** Publishes a recruiting day through the API. */
export async function putRecruitingDay(request: APIRequestContext, id: string, input: Record<string, unknown> = recruitingDayInput()) {
  const response = await request.put(`/api/v1/recruiting-days/${id}`, { data: input, headers: await editorHeaders(request) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; version: number };
}
