import { expect, test } from "@playwright/test";
import { origin } from "../../playwright.config";
import { editorHeaders, opportunityInput, uniqueId } from "../support";

async function expectProblem(response: import("@playwright/test").APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem).toMatchObject({ status, code });
  expect(typeof problem.title).toBe("string");
  return problem;
}

test("bad sync parameters get 400 naming each field", async ({ request }) => {
  const problem = await expectProblem(
    await request.get("/api/v1/sync?since=-3&limit=5000&foo=1"),
    400,
    "invalid_query",
  );
  expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(["since", "limit", "foo"]);
  expect(problem.errors[0].message).toMatch(/cursore/);
  await expectProblem(await request.get("/api/v1/sync?since=abc"), 400, "invalid_query");
  await expectProblem(await request.get("/api/v1/sync?limit=0"), 400, "invalid_query");
});

test("unknown API routes get a problem+json 404, and wrong methods 405", async ({ request }) => {
  await expectProblem(await request.get("/api/v1/nothing-here"), 404, "not_found");
  await expectProblem(await request.get("/api/v2/sync"), 404, "not_found");
  await expectProblem(await request.get("/api/v1/opportunities/NOT%20AN%20ID"), 404, "not_found");
  const wrong = await request.post("/api/v1/sync");
  await expectProblem(wrong, 405, "method_not_allowed");
  expect(wrong.headers()["allow"]).toBe("GET");
});

test("writes without a session are refused and store nothing", async ({ request }) => {
  const id = uniqueId("anonymous");
  await expectProblem(
    await request.put(`/api/v1/opportunities/${id}`, { data: opportunityInput(), headers: { origin } }),
    401,
    "unauthorized",
  );
  await expectProblem(
    await request.put(`/api/v1/opportunities/${id}`, {
      data: opportunityInput(),
      headers: { origin, cookie: "sito_session=not-a-real-session" },
    }),
    401,
    "unauthorized",
  );
  expect((await request.get(`/api/v1/opportunities/${id}`)).status()).toBe(404);
});

test("invalid opportunities get 422 with Italian field messages", async ({ request }) => {
  const id = uniqueId("invalid");
  const problem = await expectProblem(
    await request.put(`/api/v1/opportunities/${id}`, {
      data: opportunityInput({ title: " ", age_min: 30, age_max: 20 }),
      headers: await editorHeaders(request),
    }),
    422,
    "validation_failed",
  );
  expect(problem.errors).toEqual([
    { field: "title", code: "required", message: "Campo obbligatorio." },
    {
      field: "age_max",
      code: "age_range",
      message: "L'età massima non può essere inferiore all'età minima.",
    },
  ]);
  expect((await request.get(`/api/v1/opportunities/${id}`)).status()).toBe(404);
});

test("malformed, mistyped and oversized bodies get 4xx, never 500", async ({ request }) => {
  const url = `/api/v1/opportunities/${uniqueId("malformed")}`;
  await expectProblem(
    await request.put(url, {
      data: "{ not json",
      headers: { ...(await editorHeaders(request)), "content-type": "application/json" },
    }),
    400,
    "malformed_body",
  );
  await expectProblem(
    await request.put(url, { data: { ...opportunityInput(), kind: "party" }, headers: await editorHeaders(request) }),
    400,
    "malformed_body",
  );
  await expectProblem(
    await request.put(url, {
      data: "title=x",
      headers: { ...(await editorHeaders(request)), "content-type": "application/x-www-form-urlencoded" },
    }),
    415,
    "unsupported_media_type",
  );
  await expectProblem(
    await request.put(url, {
      data: opportunityInput({ description_md: "x".repeat(70 * 1024) }),
      headers: await editorHeaders(request),
    }),
    413,
    "payload_too_large",
  );
  await expectProblem(
    await request.put(url, { data: opportunityInput(), headers: { ...(await editorHeaders(request)), "if-match": "yesterday" } }),
    400,
    "invalid_header",
  );
  await expectProblem(
    await request.delete(url, { headers: await editorHeaders(request) }),
    428,
    "precondition_required",
  );
});
