import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { origin } from "../../playwright.config";
import { askQuestion, editorHeaders, head, pull, uniqueId } from "../support";

test("a question repeated by the outbox is stored once, with the same receipt", async ({ request }) => {
  const id = randomUUID();
  const question = { id, topic: "internships", text: `Il tirocinio extracurricolare è retribuito? ${uniqueId("q")}`, nickname: "Sara" };
  const first = await request.post("/api/v1/questions", { data: question, headers: { origin } });
  expect(first.status()).toBe(201);
  const receipt = await first.json();
  expect(receipt.code).toMatch(/^ESP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  expect(receipt.status).toBe("received");
  for (let i = 0; i < 3; i += 1) {
    const replay = await request.post("/api/v1/questions", { data: question, headers: { origin } });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(receipt);
  }
  const listed = await request.get("/api/v1/desk/questions", { headers: await editorHeaders(request) });
  const mine = ((await listed.json()) as { id: string; text: string }[]).filter((q) => q.id === id);
  expect(mine).toHaveLength(1);
  expect(mine[0].text).toBe(question.text);

  const reused = await request.post("/api/v1/questions", { data: { ...question, text: "Un'altra domanda con lo stesso id." }, headers: { origin } });
  expect(reused.status()).toBe(403);
  expect((await reused.json()).code).toBe("id_reused");

  const followed = await request.get(`/api/v1/questions/${receipt.code.toLowerCase().replaceAll("-", " ")}`);
  expect(await followed.json()).toEqual(receipt);
  expect((await request.get("/api/v1/questions/ESP-2222-2222")).status()).toBe(404);
});

test("bad questions get Italian field messages and nothing is stored", async ({ request }) => {
  const id = randomUUID();
  const short = await request.post("/api/v1/questions", { data: { id, topic: "other", text: "Aiuto?" }, headers: { origin } });
  expect(short.status()).toBe(422);
  expect((await short.json()).errors[0]).toMatchObject({ field: "text", code: "too_short" });
  expect((await request.post("/api/v1/questions", { data: { id, topic: "boh", text: "x".repeat(40) }, headers: { origin } })).status()).toBe(400);
  expect((await request.post("/api/v1/questions", { data: { id: "non-un-uuid", topic: "other", text: "x".repeat(40) }, headers: { origin } })).status()).toBe(400);
  expect((await request.post("/api/v1/questions", { data: { id, topic: "other", text: "x".repeat(40) } })).status()).toBe(403);
  const listed = await request.get("/api/v1/desk/questions", { headers: await editorHeaders(request) });
  expect(((await listed.json()) as { id: string }[]).some((q) => q.id === id)).toBe(false);
});

test("nothing of a question is public until an editor publishes the answer; then it syncs", async ({ request }) => {
  const since = await head(request);
  const id = randomUUID();
  const text = `Posso fare un tirocinio mentre prendo la NASpI? ${uniqueId("n")}`;
  const receipt = await (await request.post("/api/v1/questions", { data: { id, topic: "work_and_contracts", text }, headers: { origin } })).json();
  expect((await pull(request, since)).changes.filter((c) => c.kind === "answer")).toEqual([]);

  const editor = await editorHeaders(request);
  await request.post(`/api/v1/desk/questions/${id}/assign`, { data: {}, headers: editor });
  const kept = await request.put(`/api/v1/desk/questions/${id}/answer`, {
    data: { topic: "work_and_contracts", question: text, answer_md: "Sì, **a certe condizioni**.", answered_by: "Centro per l'Impiego di Crema" },
    headers: editor,
  });
  expect((await kept.json()).status).toBe("answered");
  expect((await pull(request, since)).changes.filter((c) => c.kind === "answer")).toEqual([]);
  expect((await (await request.get(`/api/v1/questions/${receipt.code}`)).json()).status).toBe("answered");

  const published = await request.put(`/api/v1/desk/questions/${id}/answer`, {
    data: { topic: "work_and_contracts", question: text, answer_md: "Sì, **a certe condizioni**.", answered_by: "Centro per l'Impiego di Crema", publish: true },
    headers: editor,
  });
  expect((await published.json()).status).toBe("published");
  const answers = (await pull(request, since)).changes.filter((c) => c.kind === "answer");
  expect(answers).toHaveLength(1);
  expect(answers[0].item).toMatchObject({
    question: text,
    answered_by: "Centro per l'Impiego di Crema",
    answer_html: "<p>Sì, <strong>a certe condizioni</strong>.</p>\n",
    published_by: "Informagiovani Cremona",
  });
  const status = await (await request.get(`/api/v1/questions/${receipt.code}`)).json();
  expect(status).toMatchObject({ status: "published", answer_id: answers[0].id });
});

test("once its answer is published, a question can no longer be declined or reassigned", async ({ request }) => {
  const since = await head(request);
  const text = `Un tirocinio all'estero vale anche in Italia? ${uniqueId("p")}`;
  const { id, receipt } = await askQuestion(request, text, "abroad");
  const editor = await editorHeaders(request);
  const answer = { topic: "abroad", question: text, answer_md: "Sì, se è **riconosciuto**.", answered_by: "Informagiovani Cremona" };
  const published = await request.put(`/api/v1/desk/questions/${id}/answer`, { data: { ...answer, publish: true }, headers: editor });
  expect(published.status(), await published.text()).toBe(200);
  expect((await published.json()).status).toBe("published");

  const refusals = [
    await request.post(`/api/v1/desk/questions/${id}/decline`, { headers: editor }),
    await request.post(`/api/v1/desk/questions/${id}/assign`, { data: {}, headers: editor }),
    await request.put(`/api/v1/desk/questions/${id}/answer`, { data: answer, headers: editor }),
  ];
  for (const refused of refusals) {
    expect(refused.status(), await refused.text()).toBe(409);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
    const problem = await refused.json();
    expect(problem).toMatchObject({ status: 409, code: "question_status_conflict" });
    expect(problem.detail).toContain("Risposta pubblicata");
  }

  const listed = (await (await request.get("/api/v1/desk/questions?stato=published", { headers: editor })).json()) as { id: string; status: string }[];
  expect(listed.find((q) => q.id === id)?.status).toBe("published");
  const answers = (await pull(request, since)).changes.filter((c) => c.kind === "answer" && c.item?.question === text);
  expect(answers).toHaveLength(1);
  expect(answers[0].deleted ?? false).toBe(false);
  expect(answers[0].item).toMatchObject({ answer_html: "<p>Sì, se è <strong>riconosciuto</strong>.</p>\n" });
  expect(await (await request.get(`/api/v1/questions/${receipt.code}`)).json()).toMatchObject({ status: "published", answer_id: answers[0].id });

  const updated = await request.put(`/api/v1/desk/questions/${id}/answer`, {
    data: { ...answer, answer_md: "Sì, se è **riconosciuto** dall'università.", publish: true },
    headers: editor,
  });
  expect(updated.status(), await updated.text()).toBe(200);
  expect((await updated.json()).status).toBe("published");

  expect((await request.post(`/api/v1/desk/questions/${randomUUID()}/decline`, { headers: editor })).status()).toBe(404);
});

test("declining a question twice is harmless, and a declined question can be taken up again", async ({ request }) => {
  const { id } = await askQuestion(request, `Domanda da non pubblicare, con il mio nome ${uniqueId("d")}`);
  const editor = await editorHeaders(request);
  const declined = await request.post(`/api/v1/desk/questions/${id}/decline`, { headers: editor });
  expect((await declined.json()).status).toBe("declined");
  const again = await request.post(`/api/v1/desk/questions/${id}/decline`, { headers: editor });
  expect(again.status(), await again.text()).toBe(200);
  const assigned = await request.post(`/api/v1/desk/questions/${id}/assign`, { data: {}, headers: editor });
  expect(assigned.status(), await assigned.text()).toBe(200);
  expect((await assigned.json()).status).toBe("assigned");
});
