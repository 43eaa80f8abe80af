import { expect, test } from "@playwright/test";
import { head, opportunityInput, putOpportunity, uniqueId, uniqueWord, type Page } from "../support";

// The feed's requests are shaped by the test (`page.route`), which a service worker would bypass.
test.use({ serviceWorkers: "block" });

/** Changes per page the test asks of the real feed, at least: small, so that the items
 * published here make a first sync of many pages, as thousands of items do on a real phone. */
const SMALL_PAGE = 20;
/** Pages of the first sync, whatever the rest of the suite has published before. */
const PAGES = 6;

test("a first sync of many pages completes while the reader moves on, and finds the last item offline", async ({ page, context, request }) => {
  const word = uniqueWord();
  const last = `Tirocinio ${word} in fondo al feed`;
  for (let n = 0; n < 3 * SMALL_PAGE; n += 1) {
    await putOpportunity(request, uniqueId("feed"), opportunityInput({ title: `Opportunità numero ${n} del feed` }));
  }
  // Published last, so it comes with the feed's last page.
  await putOpportunity(request, uniqueId("feed-last"), opportunityInput({ title: last }));
  // The worker answers every pull; the test only asks for small pages, and holds the second
  // until the reader has moved to another page.
  const limit = Math.max(SMALL_PAGE, Math.ceil((await head(request)) / PAGES));
  const asked: number[] = [];
  let cursor = 0;
  let moved!: () => void;
  const readerMoved = new Promise<void>((resolve) => (moved = resolve));
  await page.route(/\/api\/v1\/sync\?/, async (route) => {
    const url = new URL(route.request().url());
    asked.push(Number(url.searchParams.get("since") ?? 0));
    if (asked.length === 2) await readerMoved;
    url.searchParams.set("limit", String(limit));
    const response = await route.fetch({ url: url.toString() });
    const body = (await response.json()) as Page;
    cursor = body.cursor;
    await route.fulfill({ response });
  });

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect.poll(() => asked.length).toBe(2);
  // A tap on the bottom navigation in the middle of the first sync opens the page.
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Opportunità" }).click();
  await expect(page).toHaveURL(/\/opportunita$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Opportunità/);
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornamento in corso/);
  moved();
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/, { timeout: 60_000 });
  expect(asked.length).toBeGreaterThan(3);

  // Offline, the search over the device finds the feed's very last item.
  await context.setOffline(true);
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Home" }).click();
  const box = page.getByRole("searchbox", { name: "Cerca in tutto il sito" });
  await box.fill(word);
  await box.press("Enter");
  await expect(page.getByTestId("search-results").getByRole("link", { name: last })).toBeVisible();
  await context.setOffline(false);

  // The next visit starts from where the first sync ended: nothing is pulled twice.
  const end = cursor;
  const before = asked.length;
  await page.reload();
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
  const next = asked.slice(before);
  expect(next.length).toBeGreaterThan(0);
  expect(next[0]).toBe(end);
});
