import { expect, test } from "@playwright/test";
import { opportunityInput, pull, putOpportunity, uniqueId, uniqueWord, type Change, type Page } from "../support";

// The feed is answered by the test itself (`page.route`), which a service worker would bypass.
test.use({ serviceWorkers: "block" });

/** How many opportunities the feed of these tests carries: more than a first sync pulled in one
 * or two pages before. */
const TOTAL = 2500;

/** A feed of `TOTAL` opportunities made from one real item, the last of them titled `last`. */
async function largeFeed(request: Parameters<typeof putOpportunity>[0], last: string): Promise<Change[]> {
  const model = await putOpportunity(request, uniqueId("feed-model"), opportunityInput({ title: `Tirocinio ${uniqueWord()}` }));
  const item = (await pull(request, model.seq - 1, 1)).changes[0].item!;
  return Array.from({ length: TOTAL }, (_, i) => ({
    seq: i + 1,
    kind: "opportunity",
    id: `feed-${i}`,
    version: 1,
    item: { ...item, id: `feed-${i}`, title: i === TOTAL - 1 ? last : `Opportunità numero ${i}` },
  }));
}

test("a first sync of thousands of items completes while the reader moves on, and finds the last of them offline", async ({ page, context, request }) => {
  const word = uniqueWord();
  const last = `Tirocinio ${word} in fondo al feed`;
  const changes = await largeFeed(request, last);
  // The feed answers as the worker does, page by page after the cursor; its second page waits
  // until the reader has moved to another page.
  const asked: number[] = [];
  let moved!: () => void;
  const readerMoved = new Promise<void>((resolve) => (moved = resolve));
  await page.route(/\/api\/v1\/sync\?/, async (route) => {
    const query = new URL(route.request().url()).searchParams;
    const since = Number(query.get("since") ?? 0);
    const limit = Number(query.get("limit") ?? 1000);
    asked.push(since);
    if (asked.length === 2) await readerMoved;
    const slice = changes.filter((c) => c.seq > since).slice(0, limit);
    const body: Page = {
      protocol: 1,
      cursor: slice.length ? slice[slice.length - 1].seq : since,
      more: since + slice.length < TOTAL,
      changes: slice,
    };
    await route.fulfill({ json: body });
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

  // Offline, the search over the device finds the feed's very last item.
  await context.setOffline(true);
  await page.getByRole("navigation", { name: "Sezioni principali" }).getByRole("link", { name: "Home" }).click();
  const box = page.getByRole("searchbox", { name: "Cerca in tutto il sito" });
  await box.fill(word);
  await box.press("Enter");
  await expect(page.getByTestId("search-results").getByRole("link", { name: last })).toBeVisible();
  await context.setOffline(false);

  // The next visit starts from where the first sync ended: nothing is pulled twice.
  const before = asked.length;
  await page.reload();
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
  const next = asked.slice(before);
  expect(next.length).toBeGreaterThan(0);
  expect(next.filter((since) => since !== TOTAL)).toEqual([]);
});
