// The write key a person enters in the explorer, kept in this tab's sessionStorage only (never
// in a cookie or localStorage), and the POSTs that need it: review decisions, enabling a feed.

import { ApiError, apiUrl } from "./api.js";
import { h } from "./dom.js";

const KEY_STORE = "corroborate.writeKey";

export function writeKey() {
  return sessionStorage.getItem(KEY_STORE) || "";
}

export function saveWriteKey(value) {
  sessionStorage.setItem(KEY_STORE, value.trim());
}

/** POST to an API path with the tab's key; the JSON answer, or an ApiError in the one shape. */
export async function postWithKey(path) {
  const response = await fetch(apiUrl(path), {
    method: "POST",
    headers: { accept: "application/json", authorization: `Bearer ${writeKey()}` },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    throw new ApiError(response.status, error.code || "http_error", error.message || `HTTP ${response.status}`);
  }
  return body;
}

/** The "Write key" form both pages show: saves the key for this tab, says so, then `onSaved()`. */
export function keyForm({ id, input, message, onSaved }) {
  return h(
    "form",
    {
      class: "review-key",
      onsubmit: (event) => {
        event.preventDefault();
        saveWriteKey(input.value);
        message.textContent = "Key saved for this tab.";
        onSaved();
      },
    },
    h("label", { for: id }, "Write key"),
    input,
    h("button", { type: "submit" }, "Use key"),
  );
}
