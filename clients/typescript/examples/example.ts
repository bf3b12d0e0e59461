/**
 * Uses the client the way a front end would, against a running service; any surprise throws.
 *
 *   CORROBORATE_URL=http://127.0.0.1:8000 CORROBORATE_KEY=<write key> node dist/examples/example.js
 *
 * CI runs it against the demo data (.ci/checks/60-clients.sh): list claims, page through them
 * with the cursor, read the NATO claim's corroboration, create a claim with the key, and read
 * the error shape of a 404 and a 422.
 */
import assert from "node:assert/strict";

import { createCorroborateClient, isErrorResponse, type Schemas } from "../src/index.js";

const baseUrl = process.env.CORROBORATE_URL ?? "http://127.0.0.1:8000";
const apiKey = process.env.CORROBORATE_KEY;

async function main(): Promise<void> {
  const api = createCorroborateClient({ baseUrl });

  // 1. The most corroborated claims: a read needs no key.
  const first = await api.GET("/v1/claims", { params: { query: { limit: 3 } } });
  assert.ok(first.data, `list failed: ${first.response.status}`);
  for (const claim of first.data.items) {
    console.log(`${claim.corroboration.outlets} outlets  ${claim.text}`);
  }

  // 2. Every claim, page by page: pass next_cursor back as cursor.
  const seen: Schemas["ClaimPublic"][] = [];
  let cursor: string | undefined;
  do {
    const page = await api.GET("/v1/claims", {
      params: { query: { limit: 4, ...(cursor ? { cursor } : {}) } },
    });
    assert.ok(page.data, `page failed: ${page.response.status}`);
    seen.push(...page.data.items);
    cursor = page.data.next_cursor ?? undefined;
  } while (cursor);
  assert.equal(new Set(seen.map((claim) => claim.id)).size, seen.length, "a claim came twice");
  console.log(`paged through ${seen.length} claims`);

  // 3. The NATO claim: three outlets, two independent origins (one copy collapsed).
  const nato = seen.find((claim) => claim.text.includes("NATO's eastward enlargement"));
  assert.ok(nato, "the demo's NATO claim is missing");
  const explained = await api.GET("/v1/claims/{claim_id}/corroboration", {
    params: { path: { claim_id: nato.id } },
  });
  assert.ok(explained.data, `corroboration failed: ${explained.response.status}`);
  const counts = explained.data.corroboration;
  assert.equal(counts.outlets, 3);
  assert.equal(counts.independent_origins, 2);
  console.log(
    `NATO claim: ${counts.outlets} outlets, ${counts.independent_origins} independent origins, ` +
      `first reported by ${counts.first_reported?.outlet_name ?? "nobody"}`,
  );

  // 4. A write needs a key with the `write` scope.
  assert.ok(apiKey, "set CORROBORATE_KEY to a key with the write scope");
  const writer = createCorroborateClient({ baseUrl, apiKey });
  const text = `A claim created from TypeScript (${Date.now()}).`;
  const created = await writer.POST("/v1/claims", {
    body: { text, claimant: "The TypeScript example", claim_date: "2025-06-01" },
  });
  assert.equal(created.response.status, 201);
  assert.ok(created.data);
  assert.equal(created.data.text, text);
  assert.equal(created.data.corroboration.outlets, 0);
  console.log(`created claim ${created.data.id}`);

  // 5. Errors have one shape: {"error": {"code", "message", "details"}}.
  const missing = await api.GET("/v1/claims/{claim_id}", {
    params: { path: { claim_id: 2147483647 } },
  });
  assert.equal(missing.response.status, 404);
  assert.ok(isErrorResponse(missing.error));
  assert.equal(missing.error.error.code, "not_found");
  const invalid = await api.GET("/v1/claims", { params: { query: { limit: 0 } } });
  assert.equal(invalid.response.status, 422);
  assert.ok(invalid.error);
  assert.equal(invalid.error.error.code, "validation_error");
  assert.deepEqual(invalid.error.error.details[0]?.["loc"], ["query", "limit"]);
  console.log(`404 ${missing.error.error.code}; 422 ${invalid.error.error.message}`);

  // 6. The CSV export is an operation of its own.
  const table = await api.GET("/v1/claims.csv", { parseAs: "text" });
  assert.equal(table.response.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.ok(table.data?.startsWith("id,text,claimant"));
  console.log("typescript client: ok");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
