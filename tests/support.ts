import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { origin } from "../playwright.config";

/** A unique id for this test's own data. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The development accounts of every role (devtools DEMO_ACCOUNTS, seeded by scripts/e2e.sh). */
export const accounts = {
  admin: { email: "admin@sito-giovani.test", password: "demo-admin-2026" },
  editor: { email: "redazione@sito-giovani.test", password: "demo-redazione-2026" },
  reviewer: { email: "valutazione@sito-giovani.test", password: "demo-valutazione-2026" },
  applicant: { email: "gruppo@sito-giovani.test", password: "demo-gruppo-2026" },
  operator: { email: "sportello@sito-giovani.test", password: "demo-sportello-2026" },
};
export type Role = keyof typeof accounts;

/** The `name=value` part of a session cookie from a sign-in answer. */
export function sessionCookie(setCookie: string | undefined): string {
  expect(setCookie, "the answer sets the session cookie").toBeTruthy();
  expect(setCookie).toContain("HttpOnly");
  return setCookie!.split(";")[0];
}

/** Signs in with an e-mail and password; returns the headers a signed-in write carries. */
export async function signIn(request: APIRequestContext, email: string, password: string) {
  const response = await request.post("/api/v1/session", { data: { email, password }, headers: { origin } });
  expect(response.status(), await response.text()).toBe(200);
  return { cookie: sessionCookie(response.headers()["set-cookie"]), origin };
}

const sessions = new Map<Role, { cookie: string; origin: string }>();

/** Headers of a signed-in `role` (one session per role per test run). */
export async function headersAs(request: APIRequestContext, role: Role) {
  if (!sessions.has(role)) sessions.set(role, await signIn(request, accounts[role].email, accounts[role].password));
  return sessions.get(role)!;
}

export const editorHeaders = (request: APIRequestContext) => headersAs(request, "editor");

/** An opportunity as an editor would type it. */
export function opportunityInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: "volunteering",
    title: "Servizio Civile in biblioteca a Crema",
    organisation: "Comune di Crema",
    district: "crema",
    place: "Crema",
    summary: "Dodici mesi di attività con i ragazzi delle scuole e i lettori.",
    description_md: "## Che cosa farai\n\nPromozione della **lettura** e laboratori.",
    age_min: 18,
    age_max: 28,
    deadline: "2099-12-31",
    how_to_apply: "Domanda online sulla piattaforma DOL con SPID.",
    source_url: "https://www.scelgoilserviziocivile.gov.it",
    ...overrides,
  };
}

export interface Change {
  seq: number;
  kind: string;
  id: string;
  version: number;
  deleted?: boolean;
  item?: Record<string, unknown>;
}

export interface Page {
  protocol: number;
  cursor: number;
  more: boolean;
  reset?: boolean;
  changes: Change[];
}

/** Creates (or updates from `baseVersion`) an opportunity through the API. */
export async function putOpportunity(
  request: APIRequestContext,
  id: string,
  input: Record<string, unknown> = opportunityInput(),
  baseVersion?: number,
) {
  const headers: Record<string, string> = { ...(await editorHeaders(request)) };
  if (baseVersion !== undefined) headers["if-match"] = `"${baseVersion}"`;
  const response = await request.put(`/api/v1/opportunities/${id}`, { data: input, headers });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as { id: string; version: number; seq: number };
}

export async function pull(request: APIRequestContext, since: number, limit?: number): Promise<Page> {
  const query = limit === undefined ? `since=${since}` : `since=${since}&limit=${limit}`;
  const response = await request.get(`/api/v1/sync?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Page;
}

/** The feed's current head: a cursor that sees only what happens next. */
export async function head(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/v1/health");
  return ((await response.json()) as { head: number }).head;
}

/** Creates any kind of content through the API (`plural` as in /api/v1/<plural>/{id}). */
export async function putContent(
  request: APIRequestContext,
  plural: string,
  id: string,
  input: Record<string, unknown>,
) {
  const response = await request.put(`/api/v1/${plural}/${id}`, { data: input, headers: await editorHeaders(request) });
  expect(response.status(), await response.text()).toBe(201);
}

/** A guide with a two-step tutorial. */
export function guideInput(overrides: Record<string, unknown> = {}) {
  return {
    area: "job_search",
    title: "Il colloquio di prova",
    summary: "Come prepararsi a un colloquio di lavoro.",
    body_md: "## Prima del colloquio\n\nInformati sull'azienda.",
    steps: [
      { title: "Leggi l'annuncio", body_md: "Sottolinea i requisiti." },
      { title: "Prepara tre domande", body_md: "Scrivile su un foglio." },
    ],
    ...overrides,
  };
}

/** An Informagiovani desk in Crema for the directory, named `name`. */
export function organisationInput(name: string) {
  return {
    category: "informagiovani",
    name,
    district: "crema",
    town: "Crema",
    address: "Via Dante 1",
    description_md: "Orientamento e **CV**.",
    services: ["Revisione del CV"],
    hours: "Lun–Ven 9:00–12:30",
    phone: "+39 0373 000 123",
    email: "info@example.org",
    website: null,
  };
}

/** A made-up word that only this test's data contains. */
export function uniqueWord(): string {
  const letters = "bcdfglmnprstvz";
  let word = "";
  for (let i = 0; i < 8; i += 1) word += letters[Math.floor(Math.random() * letters.length)] + "a";
  return word;
}

/** Waits until the service worker controls the page, so that a reload can be served offline. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
}

/** Runs SQL on the test server's local D1 (for states no API reaches, like an expired
 * session, and to look at what the server holds); returns the rows of the statement. */
export function d1(sql: string): Record<string, unknown>[] {
  const args = ["d1", "execute", "DB", "--local", "--json", "--persist-to", process.env.SITO_TEST_STATE ?? ".wrangler/test-state", "--command", sql];
  // This is a second process on the server's SQLite file: while the worker is writing, SQLite
  // answers SQLITE_BUSY at once, so wait a moment and read again.
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync("wrangler", args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
      const results = JSON.parse(out) as { results: Record<string, unknown>[] }[];
      return results.flatMap((r) => r.results);
    } catch (error) {
      if (attempt >= 10 || !String(error).includes("SQLITE_BUSY")) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250 * attempt);
    }
  }
}

export interface Mail {
  subject: string;
  body: string;
}

/** The messages the worker wrote to `email`, oldest first (the D1 table `mail_outbox`). */
export function mailTo(email: string): Mail[] {
  return d1(`SELECT subject, body FROM mail_outbox WHERE recipient = '${email.replace(/'/g, "''")}' ORDER BY id`) as unknown as Mail[];
}

/** The token of the last sign-up link sent to `email`. */
export function signUpToken(email: string): string {
  const links = mailTo(email).flatMap((m) => [...m.body.matchAll(/\/proposte\/conferma\/([A-Za-z0-9_-]{43})/g)].map((l) => l[1]));
  expect(links.length, `a sign-up link was sent to ${email}`).toBeGreaterThan(0);
  return links[links.length - 1];
}

/** Loads the demo content of `make dev` (content/demo) into the test server's local D1, as
 * scripts/db.sh does: idempotent, and every item takes the next change sequence, so phones sync it. */
export function loadDemoContent() {
  loadSeed("demo", "content/demo");
}

/** Runs the devtools `seed` with `args` and loads the SQL it prints into the test server's D1. */
export function loadSeed(...args: string[]) {
  const sql = execFileSync("cargo", ["run", "-q", "-p", "sito-devtools", "--bin", "seed", "--", ...args], { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
  const file = `target/seed-${args[0]}-e2e.sql`;
  writeFileSync(file, sql);
  const command = ["d1", "execute", "DB", "--local", "--persist-to", process.env.SITO_TEST_STATE ?? ".wrangler/test-state", "--file", file];
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync("wrangler", command, { stdio: ["ignore", "pipe", "pipe"] });
      return;
    } catch (error) {
      if (attempt >= 10 || !String(error).includes("SQLITE_BUSY")) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250 * attempt);
    }
  }
}

/** Invites a member of staff as the administrator and accepts the invitation; returns their headers. */
export async function newStaff(request: APIRequestContext, role: "admin" | "editor" | "reviewer" | "operator", password = "una-password-di-prova") {
  const email = `${uniqueId(role)}@sito-giovani.test`;
  const invited = await request.post("/api/v1/admin/invitations", {
    data: { email, name: `Prova ${role}`, role },
    headers: await headersAs(request, "admin"),
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const token = ((await invited.json()) as { url: string }).url.split("/").pop();
  const accepted = await request.post(`/api/v1/invitations/${token}`, { data: { password }, headers: { origin } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  const account = (await accepted.json()) as { id: string; email: string };
  return { email, password, id: account.id, headers: { cookie: sessionCookie(accepted.headers()["set-cookie"]), origin } };
}

/** Posts a question as a phone would; returns its id and receipt. */
export async function askQuestion(request: APIRequestContext, text: string, topic = "internships") {
  const id = randomUUID();
  const response = await request.post("/api/v1/questions", { data: { id, topic, text }, headers: { origin } });
  expect(response.status(), await response.text()).toBe(201);
  return { id, receipt: (await response.json()) as { code: string; status: string } };
}

/** Asserts that axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${label} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Nothing wider than the screen, and every control that `targets` selects at least 24 px tall.
 * Links inside a line of text are exempt, as WCAG 2.5.8 allows (tests/e2e/small-screens.spec.ts). */
export async function fitsTheScreen(page: Page, targets = "main button, main input, main select, main a") {
  const { scroll, width, small } = await page.evaluate((selector) => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    small: [...document.querySelectorAll(selector)]
      .filter((el) => el.tagName !== "A" || getComputedStyle(el).display !== "inline")
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height < 23.5).length,
  }), targets);
  expect(scroll, `nothing scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
  expect(small, `targets at least 24 px tall at ${width} px`).toBe(0);
}
