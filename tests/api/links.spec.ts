import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { headersAs, putOpportunity, uniqueId } from "../support";

/** A caller can send any Host: none of the addresses the worker writes may follow it. */
const forged = { host: "sito-falso.example" };

test("a forged Host header changes no absolute address the worker writes", async ({ request }) => {
  const id = uniqueId("indirizzo");
  await putOpportunity(request, id);

  const page = await request.get(`/opportunita/${id}`, { headers: forged });
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain(`<link rel="canonical" href="${origin}/opportunita/${id}"`);
  expect(html).toContain(`<meta property="og:url" content="${origin}/opportunita/${id}"`);

  const atom = await request.get("/api/v1/feeds/opportunities.atom", { headers: forged });
  expect(atom.status()).toBe(200);
  const feed = await atom.text();
  expect(feed).toContain(`<id>${origin}/api/v1/feeds/opportunities.atom</id>`);
  expect(feed).toContain(`href="${origin}/opportunita/${id}"`);

  const ics = await request.get("/api/v1/feeds/scadenze.ics", { headers: forged });
  expect((await ics.text()).replace(/\r\n[ \t]/g, "")).toContain(`${origin}/opportunita/${id}`);

  // A write must name its own Host in Origin (browsers always do); the link is still the site's.
  const invited = await request.post("/api/v1/admin/invitations", {
    data: { email: `${uniqueId("link")}@sito-giovani.test`, name: "Invitata", role: "editor" },
    headers: { ...(await headersAs(request, "admin")), ...forged, origin: `http://${forged.host}` },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  expect((await invited.json()).url.startsWith(`${origin}/redazione/invito/`)).toBe(true);

  for (const text of [html, feed]) expect(text).not.toContain("sito-falso.example");
});
