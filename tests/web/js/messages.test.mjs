// Unit tests of the widget's DOM-free logic (bot/web/src/messages.js), run with Node's own test runner:
// `npm test` in bot/web, or tests/web/test_widget_logic.py under pytest.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  EMERGENCY,
  ERASED,
  MAX_STORED_ENTRIES,
  interpretBotPayload,
  loadConversation,
  localMessageTime,
  saveConversation,
  storageKey,
} from "../../../bot/web/src/messages.js";

/** The Web Storage API over a Map: the widget only uses getItem, setItem and removeItem. */
class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

test("a text payload with quick replies becomes a message with its buttons", () => {
  const reading = interpretBotPayload({
    text: "Which side of your face is it on?",
    quick_replies: [
      { content_type: "text", title: "Left", payload: "left" },
      { content_type: "text", title: "Both", payload: "both sides" },
    ],
  });
  assert.deepEqual(reading, {
    kind: "message",
    text: "Which side of your face is it on?",
    replies: [
      { title: "Left", payload: "left" },
      { title: "Both", payload: "both sides" },
    ],
  });
});

test("buttons under their domain name are accepted too", () => {
  const reading = interpretBotPayload({ text: "Delete it?", buttons: [{ title: "Yes", payload: "/affirm" }] });
  assert.deepEqual(reading.replies, [{ title: "Yes", payload: "/affirm" }]);
});

test("malformed buttons are dropped, not rendered", () => {
  const reading = interpretBotPayload({
    text: "Pick one",
    quick_replies: [{ title: "Fine", payload: "fine" }, { title: 3, payload: "x" }, null, { title: "No payload" }],
  });
  assert.deepEqual(reading.replies, [{ title: "Fine", payload: "fine" }]);
});

test("the emergency marker of the custom payload is recognised on its own", () => {
  assert.deepEqual(interpretBotPayload({ urgency: "emergency" }), { kind: "urgency", urgency: EMERGENCY });
});

test("payloads the assistant does not use are ignored", () => {
  assert.equal(interpretBotPayload({ attachment: { type: "image" } }).kind, "ignored");
  assert.equal(interpretBotPayload({ text: "   " }).kind, "ignored");
  assert.equal(interpretBotPayload({ urgency: "routine" }).kind, "ignored");
  assert.equal(interpretBotPayload("plain string").kind, "ignored");
  assert.equal(interpretBotPayload(null).kind, "ignored");
});

test("markup in a text is kept as the characters it is", () => {
  const reading = interpretBotPayload({ text: "<img src=x onerror=alert(1)>" });
  assert.equal(reading.text, "<img src=x onerror=alert(1)>");
});

test("a saved conversation loads back unchanged", () => {
  const storage = new MemoryStorage();
  const key = storageKey("http://127.0.0.1:5005");
  const conversation = {
    sessionId: "abc123",
    entries: [
      { from: "user", text: "my left eyelid keeps twitching" },
      { from: "bot", text: "Which side?", replies: [{ title: "Left", payload: "left" }] },
      { from: "bot", text: "Call now", replies: [], urgency: EMERGENCY },
    ],
  };
  saveConversation(storage, key, conversation);
  assert.deepEqual(loadConversation(storage, key), conversation);
});

test("each server has its own conversation", () => {
  const storage = new MemoryStorage();
  saveConversation(storage, storageKey("http://a:5005"), { sessionId: "a", entries: [] });
  assert.equal(loadConversation(storage, storageKey("http://b:5005")).sessionId, null);
});

test("only the most recent entries are stored", () => {
  const storage = new MemoryStorage();
  const entries = Array.from({ length: MAX_STORED_ENTRIES + 5 }, (_, index) => ({ from: "user", text: `m${index}` }));
  saveConversation(storage, "k", { sessionId: "s", entries });
  const loaded = loadConversation(storage, "k");
  assert.equal(loaded.entries.length, MAX_STORED_ENTRIES);
  assert.equal(loaded.entries.at(-1).text, `m${MAX_STORED_ENTRIES + 4}`);
});

test("corrupt or foreign stored data gives an empty conversation", () => {
  const storage = new MemoryStorage();
  for (const stored of ["{not json", "null", "[]", '{"entries": []}', '{"sessionId": 7}']) {
    storage.setItem("k", stored);
    assert.deepEqual(loadConversation(storage, "k"), { sessionId: null, entries: [] }, stored);
  }
});

test("stored entries of the wrong shape are skipped, the rest kept", () => {
  const storage = new MemoryStorage();
  storage.setItem(
    "k",
    JSON.stringify({
      sessionId: "s",
      entries: [{ from: "user", text: "ok" }, { from: "system", text: "?" }, { from: "bot" }, "text", null],
    }),
  );
  assert.deepEqual(loadConversation(storage, "k").entries, [{ from: "user", text: "ok" }]);
});

test("a storage that refuses writes does not break the chat", () => {
  const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
  assert.doesNotThrow(() => saveConversation(full, "k", { sessionId: "s", entries: [] }));
});

test("the message time is the sender's own clock, with its offset from UTC", () => {
  const date = new Date(2026, 10, 22, 9, 5, 7);
  const text = localMessageTime(date);
  assert.match(text, /^2026-11-22T09:05:07[+-]\d\d:\d\d$/);
  // Read back as an absolute time, it is the same instant.
  assert.equal(new Date(text).getTime(), date.getTime());
});

/** A browser clock showing this local time, `minutesBehindUtc` as Date.getTimezoneOffset() reports it. */
function clockAt(year, month, day, hours, minutes, minutesBehindUtc) {
  return {
    getFullYear: () => year,
    getMonth: () => month - 1,
    getDate: () => day,
    getHours: () => hours,
    getMinutes: () => minutes,
    getSeconds: () => 0,
    getTimezoneOffset: () => minutesBehindUtc,
  };
}

test("time zones behind and ahead of UTC keep their sign and minutes", () => {
  assert.equal(localMessageTime(clockAt(2026, 11, 21, 20, 30, 300)), "2026-11-21T20:30:00-05:00");
  assert.equal(localMessageTime(clockAt(2026, 11, 22, 7, 0, -330)), "2026-11-22T07:00:00+05:30");
  assert.equal(localMessageTime(clockAt(2026, 1, 2, 3, 4, 0)), "2026-01-02T03:04:00+00:00");
});

test("the erasure marker is recognised, so the widget forgets its copy of the conversation", () => {
  assert.deepEqual(interpretBotPayload({ conversation: ERASED }), { kind: "erased" });
  assert.deepEqual(interpretBotPayload({ conversation: "kept" }), { kind: "ignored" });
});

test("the summary for the doctor is read from its payload and kept across a reload", async () => {
  const { DOCTOR_SUMMARY, validSummary } = await import("../../../bot/web/src/messages.js");
  const summary = {
    title: "Summary for your doctor",
    date: "4 December 2026, 09:15 UTC",
    sections: [{ heading: "Accompanying signs", lines: ["Present: none reported", "Ruled out: Change in hearing"] }],
    disclaimer: "This is not a diagnosis.",
    text: "Summary for your doctor ...",
    level: "self_care",
  };
  const reading = interpretBotPayload({ [DOCTOR_SUMMARY]: summary });
  assert.equal(reading.kind, "summary");
  assert.deepEqual(reading.summary.sections, summary.sections);

  const storage = new MemoryStorage();
  const key = storageKey("http://127.0.0.1:5005");
  const entry = { from: "bot", text: summary.text, replies: [], summary: reading.summary };
  saveConversation(storage, key, { sessionId: "abc", entries: [entry] });
  assert.deepEqual(loadConversation(storage, key).entries[0].summary, reading.summary);

  // A damaged or foreign summary is not shown as one.
  assert.equal(validSummary({ ...summary, sections: "nope" }), null);
  assert.equal(interpretBotPayload({ [DOCTOR_SUMMARY]: { title: 1 } }).kind, "ignored");
  const stripped = validSummary({ ...summary, sections: [{ heading: "x", lines: [1] }, summary.sections[0]] });
  assert.deepEqual(stripped.sections, summary.sections);
});
