import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { origin } from "../../playwright.config";
import { newGroup } from "../proposals";
import { accounts, d1, headersAs, mailTo, newStaff, opportunityInput, sessionCookie, signIn, signUpToken, uniqueId } from "../support";

test("signing in sets a secure session cookie; signing out ends the session on the server", async ({ request }) => {
  const wrong = await request.post("/api/v1/session", {
    data: { email: accounts.editor.email, password: "non-e-questa-la-password" },
    headers: { origin },
  });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).code).toBe("invalid_credentials");
  expect(wrong.headers()["set-cookie"]).toBeUndefined();

  const ok = await request.post("/api/v1/session", { data: accounts.editor, headers: { origin } });
  expect(ok.status()).toBe(200);
  const setCookie = ok.headers()["set-cookie"];
  for (const attribute of ["HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age="]) expect(setCookie).toContain(attribute);
  const cookie = sessionCookie(setCookie);
  expect(cookie).toMatch(/^sito_session=[A-Za-z0-9_-]{43}$/);
  expect(await ok.json()).toMatchObject({ email: accounts.editor.email, role: "editor", name: "Informagiovani Cremona" });

  const me = await request.get("/api/v1/session", { headers: { cookie } });
  expect((await me.json()).role).toBe("editor");

  const out = await request.delete("/api/v1/session", { headers: { cookie, origin } });
  expect(out.status()).toBe(204);
  expect(out.headers()["set-cookie"]).toContain("Max-Age=0");
  // The old cookie is worthless even if the browser kept it.
  expect((await request.get("/api/v1/session", { headers: { cookie } })).status()).toBe(401);
});

/** One sign-in attempt; `cookie` is what the browser sends (its device tokens). */
async function attempt(request: APIRequestContext, email: string, password: string, cookie?: string) {
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  return request.post("/api/v1/session", { data: { email, password }, headers });
}

/** The device token a successful sign-in leaves in the browser (`name=value`). */
function deviceToken(setCookie: string | undefined): string {
  const line = (setCookie ?? "").split("\n").find((c) => c.startsWith("sito_dispositivo_"));
  expect(line, "a successful sign-in leaves a device token").toBeTruthy();
  for (const attribute of ["HttpOnly", "Secure", "SameSite=Strict", "Max-Age="]) expect(line).toContain(attribute);
  return line!.split(";")[0];
}

test("ten wrong passwords lock an account for browsers it never signed in from, and a success elsewhere buys no more guesses", async ({ request }) => {
  const target = await newGroup(request, "Gruppo bersaglio");
  const own = await newGroup(request, "Gruppo di chi tenta");
  for (let i = 0; i < 10; i += 1) {
    const wrong = await attempt(request, target.email, `sbagliata-${i}-xxxx`);
    expect(wrong.status()).toBe(401);
    if (i === 4) {
      // Signing in to one's own account in between resets nothing.
      expect((await attempt(request, own.email, "una-password-di-prova")).status()).toBe(200);
    }
  }
  expect((await attempt(request, own.email, "una-password-di-prova")).status()).toBe(200);
  const locked = await attempt(request, target.email, "una-password-di-prova");
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await locked.json()).detail).toMatch(/riprova tra \d+ minuti/);
  // Still locked after yet another success elsewhere.
  expect((await attempt(request, own.email, "una-password-di-prova")).status()).toBe(200);
  expect((await attempt(request, target.email, "altra-sbagliata-xx")).status()).toBe(429);
});

test("the owner's browser still signs in while the account is locked for everyone else", async ({ request, playwright, baseURL }) => {
  const owner = await newGroup(request, "Gruppo del proprietario");
  // Three browsers, each with its own cookies: the owner's, an attacker's, and a forger's.
  const ownersBrowser = await playwright.request.newContext({ baseURL });
  const attacker = await playwright.request.newContext({ baseURL });
  const forger = await playwright.request.newContext({ baseURL });
  const first = await attempt(ownersBrowser, owner.email, "una-password-di-prova");
  expect(first.status()).toBe(200);
  const token = deviceToken(first.headers()["set-cookie"]);
  for (let i = 0; i < 10; i += 1) expect((await attempt(attacker, owner.email, `tentativo-${i}-xxxx`)).status()).toBe(401);
  expect((await attempt(attacker, owner.email, "una-password-di-prova")).status()).toBe(429);
  // The owner's browser sends its token by itself, and gets in.
  const known = await attempt(ownersBrowser, owner.email, "una-password-di-prova");
  expect(known.status(), await known.text()).toBe(200);
  expect(sessionCookie(known.headers()["set-cookie"])).toMatch(/^sito_session=/);
  // A forged token is a stranger's browser.
  const forged = token.replace(/\.[^.]*$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect((await attempt(forger, owner.email, "una-password-di-prova", forged)).status()).toBe(429);
  // A token is the account's own: it does not open another account's lockout.
  const other = await newGroup(request, "Altro gruppo");
  for (let i = 0; i < 10; i += 1) await attempt(attacker, other.email, `tentativo-${i}-xxxx`);
  expect((await attempt(ownersBrowser, other.email, "una-password-di-prova")).status()).toBe(429);
  for (const context of [ownersBrowser, attacker, forger]) await context.dispose();
});

test("colleagues behind one address do not lock each other out by failing on their own accounts", async ({ request }) => {
  const anna = await newGroup(request, "Gruppo di Anna");
  const marco = await newGroup(request, "Gruppo di Marco");
  // Nine typos each, from the same office address.
  for (let i = 0; i < 9; i += 1) {
    expect((await attempt(request, anna.email, `refuso-${i}-xxxxx`)).status()).toBe(401);
    expect((await attempt(request, marco.email, `refuso-${i}-xxxxx`)).status()).toBe(401);
  }
  expect((await attempt(request, anna.email, "una-password-di-prova")).status()).toBe(200);
  expect((await attempt(request, marco.email, "una-password-di-prova")).status()).toBe(200);
});

test("on the dev server a request cannot choose its own address to escape the address's budget", async ({ request }) => {
  // The address's hour starts empty here, and is emptied again after, for the tests that follow.
  const clear = () => d1("DELETE FROM rate_limits WHERE key LIKE 'sign-in-address:%'");
  clear();
  try {
    const forged = (i: number) => ({
      origin,
      "cf-connecting-ip": `203.0.113.${i % 250}`,
      "x-forwarded-for": `198.51.100.${i % 250}, 192.0.2.1`,
      "x-real-ip": `192.0.2.${i % 250}`,
      "true-client-ip": `2001:db8::${i.toString(16)}`,
    });
    // One guess each on a hundred e-mails, each from an address of its own choosing.
    for (let i = 0; i < 100; i += 1) {
      const guess = await request.post("/api/v1/session", {
        data: { email: `${uniqueId("nessuno")}@example.org`, password: `tentativo-${i}-xxxx` },
        headers: forged(i),
      });
      expect(guess.status()).toBe(401);
    }
    const over = await request.post("/api/v1/session", {
      data: { email: `${uniqueId("nessuno")}@example.org`, password: "tentativo-oltre-xx" },
      headers: forged(101),
    });
    expect(over.status(), "the 101st guess of the hour from one address").toBe(429);
    expect(d1("SELECT key FROM rate_limits WHERE key LIKE 'sign-in-address:%'")).toEqual([{ key: "sign-in-address:local" }]);
  } finally {
    clear();
  }
});

test("an invitation works once; role changes and disabling take effect at once", async ({ request }) => {
  const staff = await newStaff(request, "editor");
  const id = uniqueId("invitato");
  const put = await request.put(`/api/v1/opportunities/${id}`, { data: opportunityInput(), headers: staff.headers });
  expect(put.status()).toBe(201);

  const admin = await headersAs(request, "admin");
  const demote = await request.patch(`/api/v1/admin/accounts/${staff.id}`, { data: { role: "reviewer" }, headers: admin });
  expect(demote.status()).toBe(200);
  expect((await request.get("/api/v1/session", { headers: staff.headers })).status()).toBe(401);
  const reviewer = await signIn(request, staff.email, staff.password);
  const refused = await request.put(`/api/v1/opportunities/${uniqueId("no")}`, { data: opportunityInput(), headers: reviewer });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("role_forbidden");

  const disable = await request.patch(`/api/v1/admin/accounts/${staff.id}`, { data: { disabled: true }, headers: admin });
  expect((await disable.json()).disabled).toBe(true);
  expect((await request.get("/api/v1/session", { headers: reviewer })).status()).toBe(401);
  const again = await request.post("/api/v1/session", { data: { email: staff.email, password: staff.password }, headers: { origin } });
  expect(again.status()).toBe(401);

  const self = await request.patch(`/api/v1/admin/accounts/${(await (await request.get("/api/v1/session", { headers: admin })).json()).id}`, {
    data: { disabled: true },
    headers: admin,
  });
  expect(self.status()).toBe(422);
  expect((await self.json()).errors[0].code).toBe("self");
});

test("a used or unknown invitation is refused", async ({ request }) => {
  const invited = await request.post("/api/v1/admin/invitations", {
    data: { email: `${uniqueId("una-volta")}@sito-giovani.test`, name: "Una volta", role: "reviewer" },
    headers: await headersAs(request, "admin"),
  });
  const token = (await invited.json()).url.split("/").pop();
  expect((await request.post(`/api/v1/invitations/${token}`, { data: { password: "prima-password-ok" }, headers: { origin } })).status()).toBe(201);
  const reuse = await request.post(`/api/v1/invitations/${token}`, { data: { password: "seconda-password" }, headers: { origin } });
  expect(reuse.status()).toBe(403);
  expect((await reuse.json()).code).toBe("invitation_invalid");
  const short = await request.post(`/api/v1/invitations/${token}`, { data: { password: "corta" }, headers: { origin } });
  expect(short.status()).toBe(422);
  const applicant = await request.post("/api/v1/admin/invitations", {
    data: { email: `${uniqueId("x")}@sito-giovani.test`, name: "X", role: "applicant" },
    headers: await headersAs(request, "admin"),
  });
  expect((await applicant.json()).errors[0].code).toBe("not_staff");
});

test("an invitation for an e-mail that already has an account is refused and stays usable", async ({ request }) => {
  const email = `${uniqueId("doppio")}@sito-giovani.test`;
  const admin = await headersAs(request, "admin");
  const invite = async () => {
    const invited = await request.post("/api/v1/admin/invitations", { data: { email, name: "Doppio invito", role: "editor" }, headers: admin });
    expect(invited.status(), await invited.text()).toBe(201);
    return (await invited.json()).url.split("/").pop() as string;
  };
  // Two invitations to the same person; the first one makes the account.
  const first = await invite();
  const second = await invite();
  const accept = (token: string) => request.post(`/api/v1/invitations/${token}`, { data: { password: "prima-password-ok" }, headers: { origin } });
  expect((await accept(first)).status()).toBe(201);
  const refused = await accept(second);
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([expect.objectContaining({ field: "email", code: "taken" })]);
  // Nothing was used up: once the e-mail is free again, the same link works.
  expect(d1(`SELECT accepted_at FROM invitations WHERE email = '${email}' AND accepted_at IS NULL`)).toHaveLength(1);
  d1(`UPDATE accounts SET email = 'liberata-' || email WHERE email = '${email}'`);
  expect((await accept(second)).status()).toBe(201);
  expect((await accept(second)).status()).toBe(403);
});

test("sign-up answers the same whether or not the e-mail has an account, and the owner is told by e-mail", async ({ request }) => {
  const group = (email: string) => ({
    name: "Giovani per il Po",
    group_kind: "informal_group",
    district: "casalmaggiore",
    contact_person: "Luca Bianchi",
    email,
    password: "password-del-gruppo",
  });
  const signUp = async (email: string) => {
    const answer = await request.post("/api/v1/accounts", { data: group(email), headers: { origin } });
    return { status: answer.status(), type: answer.headers()["content-type"], cookie: answer.headers()["set-cookie"], body: await answer.json() };
  };
  const fresh = `${uniqueId("gruppo")}@example.org`;
  // A new address, a group's, and a member of staff's (typed in capitals).
  const emails = [fresh, accounts.applicant.email, accounts.admin.email];
  const answers = [await signUp(fresh), await signUp(accounts.applicant.email), await signUp(accounts.admin.email.toUpperCase())];
  answers.forEach((answer, i) =>
    expect(answer).toEqual({ status: 202, type: "application/json; charset=utf-8", cookie: undefined, body: { email: emails[i] } }),
  );
  // The new address gets the link; the addresses with an account get a word for their owners.
  expect(mailTo(fresh).map((m) => m.subject)).toEqual(["Attiva l'account del tuo gruppo su SI.T.O. Giovani"]);
  for (const owner of [accounts.applicant.email, accounts.admin.email]) {
    const told = mailTo(owner).at(-1)!;
    expect(told.subject).toBe("Il tuo indirizzo ha già un account su SI.T.O. Giovani");
    expect(told.body).toContain(`${origin}/proposte`);
    expect(told.body).not.toMatch(/conferma/);
  }
  expect(d1(`SELECT COUNT(*) AS n FROM accounts WHERE email = '${fresh}'`)).toEqual([{ n: 0 }]);

  // A second sign-up of the same new address, then the first link: one account, and the
  // second link is worthless.
  expect((await signUp(fresh)).status).toBe(202);
  const [firstToken, secondToken] = mailTo(fresh).map((m) => m.body.match(/\/proposte\/conferma\/([A-Za-z0-9_-]{43})/)![1]);
  const confirmed = await request.post(`/api/v1/sign-ups/${firstToken}`, { headers: { origin } });
  expect(confirmed.status(), await confirmed.text()).toBe(201);
  expect(await confirmed.json()).toMatchObject({ email: fresh, role: "applicant", name: "Giovani per il Po", group: { kind: "informal_group", district: "casalmaggiore" } });
  const cookie = sessionCookie(confirmed.headers()["set-cookie"]);
  expect((await (await request.get("/api/v1/session", { headers: { cookie } })).json()).role).toBe("applicant");
  for (const token of [firstToken, secondToken, "x".repeat(43)]) {
    const again = await request.post(`/api/v1/sign-ups/${token}`, { headers: { origin } });
    expect(again.status()).toBe(403);
    expect((await again.json()).code).toBe("sign_up_invalid");
  }
  expect((await request.post(`/api/v1/sign-ups/${firstToken}`)).status(), "the link's page is the site's own").toBe(403);
  expect((await signIn(request, fresh, "password-del-gruppo")).cookie).toMatch(/^sito_session=/);

  const bad = await request.post("/api/v1/accounts", { data: { ...group(fresh), email: "non-una-mail", password: "corta" }, headers: { origin } });
  expect(bad.status()).toBe(422);
  const messages = (await bad.json()).errors.map((e: { message: string }) => e.message);
  expect(messages).toEqual(["Indirizzo e-mail non valido, per esempio nome@esempio.it.", "La password deve avere almeno 10 caratteri."]);
});

test("a sign-up link stops working after two days", async ({ request }) => {
  const email = `${uniqueId("tardi")}@example.org`;
  const data = { name: "Gruppo in ritardo", group_kind: "association", district: "crema", contact_person: "Ada", email, password: "password-del-gruppo" };
  expect((await request.post("/api/v1/accounts", { data, headers: { origin } })).status()).toBe(202);
  const token = signUpToken(email);
  d1(`UPDATE sign_ups SET expires_at = '2000-01-01T00:00:00Z' WHERE email = '${email}'`);
  const late = await request.post(`/api/v1/sign-ups/${token}`, { headers: { origin } });
  expect(late.status()).toBe(403);
  expect((await late.json()).code).toBe("sign_up_invalid");
  expect(d1(`SELECT COUNT(*) AS n FROM accounts WHERE email = '${email}'`)).toEqual([{ n: 0 }]);
});

test("an expired session is refused as if there were none", async ({ request }) => {
  const staff = await newStaff(request, "editor");
  d1(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z' WHERE account_id = '${staff.id}'`);
  const response = await request.put(`/api/v1/opportunities/${uniqueId("scaduta")}`, { data: opportunityInput(), headers: staff.headers });
  expect(response.status()).toBe(401);
  expect((await response.json()).code).toBe("unauthorized");
});

test("the administrator made by the create-admin command signs in and may invite", async ({ request }) => {
  const admin = await signIn(request, "primo@sito-giovani.test", "primo-amministratore-2026");
  const me = await (await request.get("/api/v1/session", { headers: admin })).json();
  expect(me).toMatchObject({ role: "admin", name: "Primo amministratore" });
  const invited = await request.post("/api/v1/admin/invitations", {
    data: { email: `${uniqueId("dal-primo")}@sito-giovani.test`, name: "Redattrice", role: "editor" },
    headers: admin,
  });
  expect(invited.status()).toBe(201);
  expect((await invited.json()).url).toMatch(/\/redazione\/invito\/[A-Za-z0-9_-]{43}$/);
});
