import { expect, test } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { d1 } from "../support";
import { newGroup, publishCall, submission } from "../proposals";

/** How many submit sequences run through the fault switch, and how often a request is disturbed. */
const SEQUENCES = 40;
const FAULT_PERCENT = 50;

test("through a worker that fails, loses answers or delays half the requests, every proposal arrives once and intact", async ({ request }) => {
  test.setTimeout(300_000);
  const callId = await publishCall(request);
  const group = await newGroup(request, "Gruppo della prova di resistenza");
  const headers = { ...group.headers, cookie: `${group.headers.cookie}; sito_fault=${FAULT_PERCENT}` };
  const faults: Record<string, number> = { refused: 0, "answer-lost": 0, delayed: 0 };
  let attempts = 0;
  const sent = [];
  for (let n = 0; n < SEQUENCES; n += 1) {
    const proposal = submission(callId, { needs: `Sequenza ${n}: un bisogno scritto con cura, «virgolette» e accenti àèìòù.` });
    proposal.body.budget.lines[1].quantity = 100 + n;
    sent.push(proposal);
    // What the outbox does: the same body, again, until the server answers with a receipt.
    for (let tries = 1; ; tries += 1) {
      expect(tries, `sequence ${n} never got through`).toBeLessThanOrEqual(25);
      attempts += 1;
      const response = await request.post("/api/v1/proposals", { data: proposal, headers });
      const fault = response.headers()["x-sito-fault"];
      if (fault) faults[fault] += 1;
      if (response.status() === 201 || response.status() === 200) break;
      expect(response.status(), await response.text()).toBe(503);
    }
  }
  const stored = d1(`SELECT id, revision, body FROM proposals WHERE account_id = '${group.id}'`);
  const byId = new Map(stored.map((row) => [row.id as string, row]));
  const lost = sent.filter((p) => !byId.has(p.id)).length;
  const duplicated = stored.length - byId.size + stored.filter((row) => !sent.some((p) => p.id === row.id)).length;
  const events = d1(
    `SELECT proposal_id, COUNT(*) AS n FROM proposal_events WHERE proposal_id IN (${sent.map((p) => `'${p.id}'`).join(",")}) GROUP BY proposal_id`,
  );
  const report = { sequences: SEQUENCES, fault_percent: FAULT_PERCENT, attempts, faults, lost, duplicated, stored: stored.length };
  mkdirSync("target", { recursive: true });
  writeFileSync("target/fault-injection.json", JSON.stringify(report, null, 2));
  console.log(`fault injection: ${JSON.stringify(report)}`);

  expect(faults["answer-lost"], "some answers were lost after the write, the case that tests idempotency").toBeGreaterThan(0);
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(stored).toHaveLength(SEQUENCES);
  expect(events.every((e) => e.n === 1), "one 'submitted' entry per proposal").toBe(true);
  for (const proposal of sent) {
    const body = JSON.parse(byId.get(proposal.id)!.body as string);
    expect(body, "stored exactly as sent").toEqual(proposal.body);
  }
});
