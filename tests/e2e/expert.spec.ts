import { expect, test } from "@playwright/test";
import { editorHeaders, expectAccessible, uniqueWord, waitForServiceWorker } from "../support";

test("a question asked offline arrives once when the phone is back online; answered and published, it appears in the list", async ({ page, context, request }) => {
  await page.goto("/esperto");
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);

  // Sending is the page's main action, a button the size of a fingertip.
  const send = await page.getByRole("button", { name: "Invia la domanda" }).boundingBox();
  expect(send!.height).toBeGreaterThanOrEqual(44);

  // Mistakes are explained on the phone, before anything is queued.
  await page.getByRole("button", { name: "Invia la domanda" }).click();
  await expect(page.getByText("Scegli un argomento.")).toBeVisible();
  await expect(page.getByText("Scrivi la tua domanda.")).toBeVisible();
  await expect(page.getByTestId("my-questions")).toHaveCount(0);

  const word = uniqueWord();
  const text = `Quanto può durare un tirocinio extracurricolare in Lombardia? ${word}`;
  await page.getByLabel("Argomento").selectOption("internships");
  await page.getByLabel("La tua domanda").fill(text);
  await page.getByLabel("Nome di fantasia (facoltativo)").fill("Giulia");
  await page.getByRole("button", { name: "Invia la domanda" }).click();
  const mine = page.getByTestId("my-questions");
  await expect(mine).toContainText("In coda");

  // Still queued after a reload while offline: the outbox is on the device.
  await page.reload();
  await expect(mine).toContainText("In coda");
  await expect(mine).toContainText(word);

  await context.setOffline(false);
  await expect(mine).toContainText("Inviata");
  const code = (await mine.getByTestId("question-code").textContent())!;
  expect(code).toMatch(/^ESP-/);

  const listed = (await (await request.get("/api/v1/desk/questions", { headers: await editorHeaders(request) })).json()) as {
    id: string;
    code: string;
    text: string;
    nickname: string;
  }[];
  const arrived = listed.filter((q) => q.text === text);
  expect(arrived).toHaveLength(1);
  expect(arrived[0]).toMatchObject({ code, nickname: "Giulia" });

  const published = await request.put(`/api/v1/desk/questions/${arrived[0].id}/answer`, {
    data: {
      topic: "internships",
      question: text,
      answer_md: "In Lombardia fino a **12 mesi**, proroghe comprese.",
      answered_by: "Centro per l'Impiego di Cremona",
      publish: true,
    },
    headers: await editorHeaders(request),
  });
  expect(published.status()).toBe(200);

  await page.getByRole("button", { name: "Aggiorna" }).click();
  const answers = page.getByTestId("answers");
  await expect(answers.getByRole("link", { name: text })).toBeVisible();
  await mine.getByRole("button", { name: "Controlla lo stato" }).click();
  await expect(mine.getByTestId("question-status")).toHaveText("Risposta pubblicata");

  await answers.getByRole("link", { name: text }).click();
  await expect(page.getByRole("heading", { level: 1, name: text })).toBeVisible();
  await expect(page.getByText("Centro per l'Impiego di Cremona")).toBeVisible();
  await expectAccessible(page, "risposta");

  // Published answers are searchable on the phone.
  await page.goto(`/cerca?q=${word}`);
  await expect(page.getByTestId("search-results").getByRole("link", { name: text })).toBeVisible();
});
