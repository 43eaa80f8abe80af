import { expect, test } from "@playwright/test";
import { labInput, putLab, signUp, signupBody } from "../labs";
import { origin } from "../../playwright.config";
import { d1, expectAccessible, fitsTheScreen, mailTo, uniqueId, waitForServiceWorker } from "../support";

test("a sign-up made offline waits in the queue and is confirmed with its code once the phone is back online", async ({ page, context, request }) => {
  const labId = uniqueId("offline");
  await putLab(request, labId, labInput({ title: `Laboratorio di comunicazione ${labId}`, min_places: 1, max_places: 5 }));
  await page.goto("/laboratori");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const card = page.getByTestId("labs").getByRole("listitem").filter({ hasText: labId });
  await expect(card.getByTestId("places")).toHaveText("Restano 5 posti");
  await fitsTheScreen(page);
  await expectAccessible(page, "/laboratori");

  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(labId);
  await expect(page.getByText("Comunicare in gruppo")).toBeVisible();
  await waitForServiceWorker(page);
  await context.setOffline(true);

  // Mistakes are explained beside their fields, and nothing is queued.
  await page.getByRole("button", { name: "Iscriviti" }).click();
  await expect(page.getByText("Scrivi il tuo nome e cognome.")).toBeVisible();
  await expect(page.getByText("Scegli la tua fascia d'età.")).toBeVisible();
  await page.getByLabel("Nome e cognome").fill("Giulia Ferrari");
  await page.getByLabel("E-mail o telefono").fill("giulia");
  await page.getByLabel("Fascia d'età").selectOption("18-24");
  await page.getByRole("button", { name: "Iscriviti" }).click();
  await expect(page.getByText(/Scrivi un'e-mail \(nome@esempio.it\)/)).toBeVisible();
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Giulia Ferrari");
  await page.getByLabel("E-mail o telefono").fill("giulia.ferrari@example.it");
  await page.getByRole("button", { name: "Iscriviti" }).click();
  const mine = page.getByTestId("my-signups");
  await expect(mine).toContainText("In coda");
  expect(d1(`SELECT COUNT(*) AS n FROM lab_signups WHERE lab_id = '${labId}'`)).toEqual([{ n: 0 }]);

  await context.setOffline(false);
  await expect(mine).toContainText("Iscrizione confermata");
  const code = (await mine.getByTestId("signup-code").textContent())!;
  expect(code).toMatch(/^LAB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(d1(`SELECT name, status, code FROM lab_signups WHERE lab_id = '${labId}'`)).toEqual([{ name: "Giulia Ferrari", status: "confirmed", code }]);
  await fitsTheScreen(page);
  await expectAccessible(page, `/laboratori/${labId}`);

  // Cancelling from the phone frees the place.
  await mine.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await expect(mine).toContainText("Iscrizione annullata");
  expect(d1(`SELECT status FROM lab_signups WHERE lab_id = '${labId}'`)).toEqual([{ status: "cancelled" }]);
});

test("a full lab says so in the list and on its page, and a sign-up gets a numbered place on the waiting list", async ({ page, request }) => {
  const labId = uniqueId("completo");
  await putLab(request, labId, labInput({ title: `Seminario progettazione ${labId}`, format: "seminar", audience: "associations", min_places: 1, max_places: 2 }));
  for (const name of ["Anna Verdi", "Bruno Neri"]) await signUp(request, labId, signupBody(name, `${name.split(" ")[0].toLowerCase()}@example.it`));
  await signUp(request, labId, signupBody("Carla Gialli", "+39 333 000 1111"));

  // Rendered by the worker: the places are right before the app runs.
  await page.goto(`/laboratori/${labId}`);
  await expect(page.getByTestId("places")).toHaveText("Completo: lista d'attesa");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ "@type": "Event", maximumAttendeeCapacity: 2, remainingAttendeeCapacity: 0 });
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(page.getByText("I posti sono finiti")).toBeVisible();

  await page.getByLabel("Nome e cognome").fill("Davide Rosa");
  await page.getByLabel("E-mail o telefono").fill("davide@example.it");
  await page.getByLabel("Fascia d'età").selectOption("25-29");
  await page.getByRole("button", { name: "Iscriviti" }).click();
  await expect(page.getByTestId("my-signups")).toContainText("In lista d'attesa, n. 2");
  await fitsTheScreen(page);

  await page.goto("/laboratori");
  const card = page.getByTestId("labs").getByRole("listitem").filter({ hasText: labId });
  await expect(card.getByTestId("places")).toHaveText("Completo: lista d'attesa");
  await expect(card).toContainText("Seminario");
  // The smallest phones too: nothing scrolls sideways at 320 px.
  await page.setViewportSize({ width: 320, height: 740 });
  await fitsTheScreen(page);
  await page.goto(`/laboratori/${labId}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await fitsTheScreen(page);
  await page.setViewportSize({ width: 360, height: 740 });

  // The calendar file has every session.
  await page.goto(`/laboratori/${labId}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Aggiungi gli incontri al calendario" }).click();
  const file = await download;
  const ics = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(ics).toString("utf8");
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  expect(file.suggestedFilename()).toBe(`${labId}.ics`);
});

test("a phone on the waiting list sees its place confirmed, and is told by e-mail, once places free up", async ({ page, request }) => {
  const labId = uniqueId("posto");
  await putLab(request, labId, labInput({ title: `Laboratorio colloquio ${labId}`, min_places: 1, max_places: 1 }));
  const anna = await signUp(request, labId, signupBody("Anna Verdi", `anna.verdi.${labId}@example.it`));
  const bruno = await signUp(request, labId, signupBody("Bruno Neri", `bruno.neri.${labId}@example.it`));
  const cancel = async (who: typeof anna) => {
    const response = await request.post(`/api/v1/labs/${labId}/signups/${who.id}/cancel`, { data: { code: who.receipt.code }, headers: { origin } });
    expect(response.status()).toBe(200);
  };

  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(`/laboratori/${labId}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.getByLabel("Nome e cognome").fill("Davide Rosa");
  await page.getByLabel("E-mail o telefono").fill(`davide.rosa.${labId}@example.it`);
  await page.getByLabel("Fascia d'età").selectOption("18-24");
  await page.getByRole("button", { name: "Iscriviti" }).click();
  const mine = page.getByTestId("my-signups");
  await expect(mine).toContainText("In lista d'attesa, n. 2");

  // Anna cancels: Bruno gets her place, and the phone, opening the page again, moves up one.
  await cancel(anna);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(mine).toContainText("In lista d'attesa, n. 1");
  expect(mailTo(`davide.rosa.${labId}@example.it`)).toEqual([]);

  // Bruno cancels too: the place is the phone's. Opened from the list of labs, the lab's page says so.
  await cancel(bruno);
  await page.goto("/laboratori");
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await page.getByRole("link", { name: `Laboratorio colloquio ${labId}` }).click();
  await expect(mine).toContainText("Posto confermato: si è liberato un posto e sei iscritto.");
  await expect(mine.getByTestId("signup-code")).toHaveText(/^LAB-/);
  const [mail] = mailTo(`davide.rosa.${labId}@example.it`);
  expect(mail.subject).toBe(`Si è liberato un posto: sei iscritto a «Laboratorio colloquio ${labId}»`);
  expect(mail.body).toContain(await mine.getByTestId("signup-code").innerText());
  // Kept on the phone: it still says so when the page opens again, the look-up changing nothing.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await expect(mine).toContainText("Posto confermato");
  await fitsTheScreen(page);
  await expectAccessible(page, "laboratorio, posto confermato");
});

test("an unknown lab answers 404 with the app's own page", async ({ page }) => {
  const response = await page.goto(`/laboratori/${uniqueId("nessuno")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Laboratorio non trovato");
});

test("a sign-up made while another is still on its way is sent in the same round, not left in the queue", async ({ page, request }) => {
  const [first, second] = [uniqueId("lento"), uniqueId("subito")];
  for (const id of [first, second]) await putLab(request, id, labInput({ title: `Laboratorio ${id}`, min_places: 1, max_places: 5 }));
  // The first sign-up's request is held on the network until the second one is queued.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/labs/${first}/signups`, async (route) => {
    await held;
    await route.continue();
  });
  const signUpHere = async (name: string) => {
    await page.getByLabel("Nome e cognome").fill(name);
    await page.getByLabel("E-mail o telefono").fill(`${name.split(" ")[0].toLowerCase()}@example.it`);
    await page.getByLabel("Fascia d'età").selectOption("18-24");
    await page.getByRole("button", { name: "Iscriviti" }).click();
  };

  await page.goto(`/laboratori/${first}`);
  await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
  await signUpHere("Elena Bianchi");
  await expect(page.getByTestId("my-signups")).toContainText("In coda");
  // On to the second lab inside the app, while the first request is still held.
  await page.getByRole("link", { name: "Tutti i laboratori" }).first().click();
  await page.getByTestId("labs").getByRole("listitem").filter({ hasText: second }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(second);
  await signUpHere("Franco Galli");
  release();

  await expect(page.getByTestId("my-signups")).toContainText("Iscrizione confermata", { timeout: 5_000 });
  await expect.poll(() => d1(`SELECT name FROM lab_signups WHERE lab_id IN ('${first}', '${second}') ORDER BY name`), { timeout: 5_000 })
    .toEqual([{ name: "Elena Bianchi" }, { name: "Franco Galli" }]);
});

test.describe("on a first visit", () => {
  // The first sync is held on the network (`page.route`), which a service worker would bypass.
  test.use({ serviceWorkers: "block" });

  test("what is typed in the sign-up form stays there when the first sync ends meanwhile", async ({ page, request }) => {
    const labId = uniqueId("primo");
    await putLab(request, labId, labInput({ title: `Laboratorio ${labId}`, min_places: 1, max_places: 5 }));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/v1\/sync\?/, async (route) => {
      await held;
      await route.continue();
    });

    await page.goto(`/laboratori/${labId}`);
    await expect(page.locator("html")).toHaveAttribute("data-app", "attiva");
    await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornamento in corso/);
    await page.getByLabel("Nome e cognome").fill("Ilaria Conti");
    release();
    await expect(page.getByTestId("sync-status")).toHaveText(/Aggiornato/);
    await expect(page.getByLabel("Nome e cognome")).toHaveValue("Ilaria Conti");

    await page.getByLabel("E-mail o telefono").fill("ilaria.conti@example.it");
    await page.getByLabel("Fascia d'età").selectOption("25-29");
    await page.getByRole("button", { name: "Iscriviti" }).click();
    await expect(page.getByTestId("my-signups")).toContainText("Iscrizione confermata");
  });
});
