import { expect, test } from "@playwright/test";
import { d1, loadSeed, opportunityInput, putOpportunity, uniqueId, uniqueWord } from "../support";

// The test holds one page of the real feed on the network (`page.route`), which a service worker
// would bypass.
test.use({ serviceWorkers: "block" });

/** How many generated opportunities the real feed carries during this test: more than a first
 * sync pulls in one or two pages (1,000 changes each). */
const TOTAL = 2500;

test.afterAll(() => {
  // The later tests' phones start with the feed as it was.
  d1("DELETE FROM content WHERE kind = 'opportunity' AND id LIKE 'synthetic-%'");
});

test("a first sync of thousands of items completes while the reader moves on, and finds the last of them offline", async ({ page, context, request }) => {
  test.setTimeout(120_000);
  // The generated opportunities go straight into the server's D1, as the figures' benchmark does.
  loadSeed("synthetic", String(TOTAL));
  const word = uniqueWord();
  const last = `Tirocinio ${word} in fondo al feed`;
  const published = await putOpportunity(request, uniqueId("in-fondo"), opportunityInput({ title: last }));

  // The real worker answers every page; its second page is held until the reader has moved on.
  const asked: number[] = [];
  let moved!: () => void;
  const readerMoved = new Promise<void>((resolve) => (moved = resolve));
  await page.route(/\/api\/v1\/sync\?/, async (route) => {
    asked.push(Number(new URL(route.request().url()).searchParams.get("since") ?? 0));
    if (asked.length === 2) await readerMoved;
    await route.continue();
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
  expect(asked.length, "the feed came in pages").toBeGreaterThanOrEqual(3);

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
  expect(next.filter((since) => since < published.seq)).toEqual([]);
});
