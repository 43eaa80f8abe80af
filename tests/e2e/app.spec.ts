import { chromium, expect, test } from "@playwright/test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editorHeaders, opportunityInput, putOpportunity, uniqueId, waitForServiceWorker } from "../support";

test("the app says once that it is ready to work offline, when the service worker holds it all", async ({ page, context }) => {
  await page.goto("/");
  const heading = page.getByRole("heading", { level: 1 });
  const before = (await heading.boundingBox())!;
  const ready = page.getByTestId("offline-ready");
  await expect(ready).toHaveText(/^Pronta anche senza connessione/);
  // Said over the page: nothing under it moved (no layout shift).
  expect((await heading.boundingBox())!.y).toBe(before.y);
  await waitForServiceWorker(page);
  // And it is: offline, the page opens from the phone.
  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Said once: not again on the next visits.
  await expect(ready).toHaveText("");
  await context.setOffline(false);
  await page.goto("/opportunita");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(ready).toHaveText("");
});

test("after Aggiorna, what is new since the last visit is counted and one tap away", async ({ page, request }) => {
  await page.goto("/opportunita");
  await expect(page.getByTestId("sync-status")).toContainText("Aggiornato");
  await waitForServiceWorker(page);
  // The visit ends (the page is left); the next one starts with nothing new.
  await page.reload();
  await expect(page.getByTestId("sync-status")).toContainText("Aggiornato");
  await expect(page.getByRole("button", { name: "Aggiorna" })).toBeEnabled();
  await expect(page.getByTestId("news-count")).toHaveCount(0);
  // Meanwhile the editors publish three opportunities, far down a list sorted by deadline.
  const titles: string[] = [];
  for (let n = 1; n <= 3; n++) {
    const title = `Novità ${n} ${uniqueId("n")}`;
    titles.push(title);
    await putOpportunity(request, uniqueId("novita"), opportunityInput({ title, deadline: "2099-12-31" }));
  }
  await page.getByRole("button", { name: "Aggiorna" }).click();
  const news = page.getByTestId("news-count");
  await expect(news).toHaveText("3 novità");
  await news.click();
  await expect(page).toHaveURL(/\/opportunita\?ordine=recenti$/);
  const first = await page.getByTestId("opportunity-list").getByRole("heading").allTextContents();
  expect(first.slice(0, 3).sort()).toEqual([...titles].sort());
});

test("the list shows what editors published, and still opens offline after one visit", async ({ page, context, request }) => {
  const title = `Campo di lavoro sul Po ${uniqueId("t")}`;
  await putOpportunity(
    request,
    uniqueId("offline"),
    opportunityInput({ kind: "work_camp", title, district: "casalmaggiore", place: "Casalmaggiore" }),
  );

  await page.goto("/opportunita");
  const list = page.getByTestId("opportunity-list");
  await expect(list.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("Aggiornato");
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(list.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("offline");

  // A detail page never opened before also opens offline: its data is on the device.
  await list.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Come candidarsi")).toBeVisible();

  // A cold start of the app offline, straight onto a deep link.
  const deep = await page.goto("/opportunita?territorio=casalmaggiore");
  expect(deep?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opportunità · Casalmaggiore");
  await expect(list.getByRole("link", { name: title })).toBeVisible();
  await context.setOffline(false);
});

test("a retired opportunity disappears from the phone at the next sync", async ({ page, request }) => {
  const title = `Recruiting day ${uniqueId("r")}`;
  const id = uniqueId("retired");
  // A sooner deadline than the suite's default puts it among the first 30 the list shows.
  const created = await putOpportunity(request, id, opportunityInput({ kind: "event", title, deadline: "2098-12-31" }));
  await page.goto("/opportunita");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  // The app runs the page and its first sync is done.
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);

  const retired = await request.delete(`/api/v1/opportunities/${id}`, {
    headers: { ...(await editorHeaders(request)), "if-match": `"${created.version}"` },
  });
  expect(retired.status()).toBe(200);
  await page.getByRole("button", { name: "Aggiorna" }).click();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("the home page shows upcoming deadlines, nearest first", async ({ page, request }) => {
  const soon = `Bando Think Town ${uniqueId("s")}`;
  // "Today" where the app counts deadlines: in Italy, which is a day ahead of UTC after 23:00.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
  await putOpportunity(request, uniqueId("soon"), opportunityInput({ kind: "call", title: soon, deadline: today }));
  await page.goto("/");
  const upcoming = page.getByTestId("upcoming");
  await expect(upcoming.getByRole("link").first()).toHaveText(soon);
  await expect(upcoming.getByText("Scade oggi").first()).toBeVisible();
});

test("Chromium finds the app installable", async ({ baseURL, browserName }, testInfo) => {
  expect(browserName).toBe("chromium");
  // Installability is never granted to incognito-like contexts: use a real profile.
  const profile = await mkdtemp(join(tmpdir(), "sito-profile-"));
  const options = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    ...options.launchOptions,
    viewport: options.viewport,
    isMobile: options.isMobile,
    hasTouch: options.hasTouch,
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/");
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ lang: "it", display: "standalone", start_url: "/" });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
