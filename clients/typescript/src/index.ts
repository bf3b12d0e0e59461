/**
 * A typed client for the Corroborate API.
 *
 * Every type comes from `schema.d.ts`, which `npm run generate` makes from the service's
 * OpenAPI document (openapi/openapi.json) with openapi-typescript; requests go through
 * openapi-fetch, so paths, parameters, bodies and answers are checked by the compiler.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
/** The named schemas of the API: `Schemas["ClaimPublic"]`, `Schemas["ErrorResponse"]`, ... */
export type Schemas = components["schemas"];
export type CorroborateClient = Client<paths>;

export interface ClientOptions {
  /** Where the service answers, e.g. `http://127.0.0.1:8000` (no trailing `/v1`). */
  baseUrl: string;
  /** An API key (`corroborate keys create --scope write --name me`); reads need none. */
  apiKey?: string;
  /** A fetch of your own (tests, proxies); the global one otherwise. */
  fetch?: (input: Request) => Promise<Response>;
}

/** A client for `baseUrl`; with `apiKey`, every request carries `Authorization: Bearer <key>`. */
export function createCorroborateClient(options: ClientOptions): CorroborateClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const apiKey = options.apiKey;
  if (apiKey) {
    const bearer: Middleware = {
      onRequest({ request }) {
        request.headers.set("Authorization", `Bearer ${apiKey}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

/** The one error shape of every 4xx and 5xx answer, as a type guard. */
export function isErrorResponse(value: unknown): value is Schemas["ErrorResponse"] {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}
