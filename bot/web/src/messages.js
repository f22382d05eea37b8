// What the widget keeps and shows, independent of the page: how Rasa's socket.io payloads are read, and how the
// conversation is remembered across reloads. No DOM here, so Node's test runner can check it directly.

export const EMERGENCY = "emergency";
// The marker the assistant sends after it has deleted the conversation at the person's request.
export const ERASED = "erased";
// The summary for the doctor (actions/doctor_summary.py, bot/doctor_summary/summary.py DoctorSummary.to_json).
export const DOCTOR_SUMMARY = "doctor_summary";

// A transcript is health information: keep only what a reload needs to show, and not without limit.
export const MAX_STORED_ENTRIES = 200;

const STORAGE_PREFIX = "twitch-triage-chat:";

/**
 * Reads one `bot_uttered` payload of Rasa 3.6's socket.io channel (rasa/core/channels/socketio.py):
 * - a response's text arrives as {text}, or {text, quick_replies: [{title, payload}]} when it has buttons;
 * - a response's `custom` JSON is passed to `sio.emit(...)` as keyword arguments, so only its `data` key reaches
 *   the browser: the domain's `custom: {data: {urgency: emergency}}` arrives as {urgency: "emergency"}, right after
 *   the text of the same response. That marker says "the message just shown is an emergency".
 * Anything else (images, templates) is not used by this assistant and is ignored.
 */
export function interpretBotPayload(payload) {
  if (payload === null || typeof payload !== "object") {
    return { kind: "ignored" };
  }
  if (typeof payload.text === "string" && payload.text.trim() !== "") {
    return { kind: "message", text: payload.text, replies: quickReplies(payload) };
  }
  if (payload.urgency === EMERGENCY) {
    return { kind: "urgency", urgency: EMERGENCY };
  }
  if (payload.conversation === ERASED) {
    return { kind: "erased" };
  }
  const summary = validSummary(payload[DOCTOR_SUMMARY]);
  if (summary) {
    return { kind: "summary", summary };
  }
  return { kind: "ignored" };
}

function isStringList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * The summary for the doctor, checked field by field (it may come from storage, written by an older widget), or
 * null: {title, date, sections: [{heading, lines}], disclaimer, text}. Everything in it is shown as text.
 */
export function validSummary(raw) {
  if (raw === null || typeof raw !== "object") {
    return null;
  }
  const { title, date, sections, disclaimer, text } = raw;
  if (![title, date, disclaimer, text].every((field) => typeof field === "string") || !Array.isArray(sections)) {
    return null;
  }
  const validSections = sections.filter(
    (section) => section !== null && typeof section === "object" && typeof section.heading === "string" && isStringList(section.lines),
  );
  return {
    title,
    date,
    disclaimer,
    text,
    sections: validSections.map((section) => ({ heading: section.heading, lines: [...section.lines] })),
  };
}

function quickReplies(payload) {
  // Rasa's socket.io channel renames `buttons` to `quick_replies`; accept both so a custom channel can send either.
  const raw = Array.isArray(payload.quick_replies) ? payload.quick_replies : payload.buttons;
  return validReplies(raw);
}

function validReplies(raw) {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.filter(isReply).map((reply) => ({ title: reply.title, payload: reply.payload }));
}

function isReply(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof value.title === "string" &&
    typeof value.payload === "string" &&
    value.title !== ""
  );
}

/** One key per assistant, so that two widgets talking to different servers never mix conversations. */
export function storageKey(serverUrl) {
  return STORAGE_PREFIX + serverUrl;
}

/** An empty conversation: no session yet (the server assigns one), nothing shown. */
export function emptyConversation() {
  return { sessionId: null, entries: [] };
}

/**
 * The conversation saved by `saveConversation`, or an empty one. Stored data may be stale, edited or written by
 * an older widget, so every entry is checked rather than trusted.
 */
export function loadConversation(storage, key) {
  let stored;
  try {
    stored = JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    return emptyConversation();
  }
  if (stored === null || typeof stored !== "object" || typeof stored.sessionId !== "string") {
    return emptyConversation();
  }
  const entries = Array.isArray(stored.entries) ? stored.entries.filter(isEntry).map(copyEntry) : [];
  return { sessionId: stored.sessionId, entries };
}

export function saveConversation(storage, key, conversation) {
  const entries = conversation.entries.slice(-MAX_STORED_ENTRIES);
  try {
    storage.setItem(key, JSON.stringify({ sessionId: conversation.sessionId, entries }));
  } catch {
    // Storage full or disabled (private browsing): the chat still works, it just won't survive a reload.
  }
}

export function forgetConversation(storage, key) {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing stored to forget.
  }
}

function isEntry(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    (value.from === "user" || value.from === "bot") &&
    typeof value.text === "string"
  );
}

function copyEntry(entry) {
  const copy = { from: entry.from, text: entry.text };
  if (entry.from === "bot") {
    copy.replies = validReplies(entry.replies);
    if (entry.urgency === EMERGENCY) {
      copy.urgency = EMERGENCY;
    }
    const summary = validSummary(entry.summary);
    if (summary) {
      copy.summary = summary;
    }
  }
  return copy;
}

function twoDigits(number) {
  return String(Math.trunc(number)).padStart(2, "0");
}

/**
 * The time a message is sent, as ISO 8601 in the person's own time zone ("2026-11-22T09:15:00+01:00"), for the
 * assistant's `message_time` metadata: "since Monday" or "since yesterday" count from the person's own day,
 * not the server's (toISOString() would give UTC and lose where midnight is for them).
 */
export function localMessageTime(date) {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const offset = `${sign}${twoDigits(Math.abs(offsetMinutes) / 60)}:${twoDigits(Math.abs(offsetMinutes) % 60)}`;
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  const time = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
  return `${day}T${time}${offset}`;
}
