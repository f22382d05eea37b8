// The embeddable chat widget: `<div id="twitch-triage-chat" data-server-url="..."></div>` plus this script.
// It talks to Rasa's socket.io channel (session_persistence: true) and renders every text with textContent, never
// as HTML: what the person types and what the assistant says are shown exactly as written.

import { io } from "socket.io-client";

import {
  EMERGENCY,
  emptyConversation,
  forgetConversation,
  interpretBotPayload,
  loadConversation,
  localMessageTime,
  saveConversation,
  storageKey,
} from "./messages.js";
import { WIDGET_CSS } from "./styles.js";

const MOUNT_ID = "twitch-triage-chat";
const STYLE_MARKER = "data-twitch-triage-chat-styles";
// Sent (and not shown) when a conversation starts, so that the assistant's own greeting, with its emergency
// advice, is the first thing the person reads. An empty data-start-payload attribute turns it off.
const DEFAULT_START_PAYLOAD = "/greet";
// The indicator is a courtesy: if no answer comes (server down), stop suggesting that one is on its way.
const TYPING_TIMEOUT_MS = 20000;
// While the person prints a summary, the page prints only a copy of it (styles.js, "@media print").
const PRINTING_CLASS = "tt-printing-summary";
const PRINT_ROOT_CLASS = "tt-print-root";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function injectStylesOnce() {
  if (document.querySelector(`style[${STYLE_MARKER}]`)) {
    return;
  }
  const style = element("style", "", WIDGET_CSS);
  style.setAttribute(STYLE_MARKER, "");
  document.head.appendChild(style);
}

/** Builds the widget's elements inside `mount` and returns the ones the controller updates. */
function buildView(mount, title) {
  const root = element("section", "tt-chat");
  root.setAttribute("aria-label", title);

  const header = element("div", "tt-header");
  const heading = element("h2", "tt-title", title);
  const newChat = element("button", "tt-new-chat", "New chat");
  newChat.type = "button";
  newChat.setAttribute("aria-label", "Start a new chat and forget this one on this device");
  header.append(heading, newChat);

  const status = element("p", "tt-status");
  status.setAttribute("role", "status");

  const log = element("div", "tt-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", "Conversation");
  log.tabIndex = 0; // lets keyboard users scroll back through a long conversation

  // Outside the log, so that screen readers hear the replies, not the comings and goings of the indicator.
  const typing = element("div", "tt-typing");
  typing.hidden = true;
  typing.append(element("span", "tt-visually-hidden", "The assistant is typing"));
  for (let dot = 0; dot < 3; dot += 1) {
    const dotElement = element("span", "tt-typing-dot");
    dotElement.setAttribute("aria-hidden", "true");
    typing.append(dotElement);
  }

  const form = element("form", "tt-form");
  const inputId = `${MOUNT_ID}-input`;
  const label = element("label", "tt-visually-hidden", "Your message");
  label.htmlFor = inputId;
  const input = element("input", "tt-input");
  input.id = inputId;
  input.type = "text";
  input.autocomplete = "off";
  input.maxLength = 1000;
  input.placeholder = "Type your message";
  input.setAttribute("enterkeyhint", "send");
  const send = element("button", "tt-send", "Send");
  send.type = "submit";
  form.append(label, input, send);

  root.append(header, status, log, typing, form);
  mount.replaceChildren(root);
  return { root, newChat, status, log, typing, form, input, send };
}

class ChatWidget {
  constructor(mount, options) {
    this.serverUrl = options.serverUrl;
    this.startPayload = options.startPayload;
    this.storage = window.localStorage;
    this.key = storageKey(this.serverUrl);
    this.conversation = loadConversation(this.storage, this.key);
    this.view = buildView(mount, options.title);
    this.lastBotNode = null;
    this.repliesNode = null;
    this.typingTimer = null;
    this.confirmed = false;

    this.view.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.sendTyped();
    });
    this.view.newChat.addEventListener("click", () => this.startNewChat());
    this.renderHistory();
    this.setConnected(false, "Connecting…");
    this.connect();
  }

  connect() {
    // WebSocket first (no CORS preflight, no polling), long-polling only where a proxy blocks WebSockets.
    this.socket = io(this.serverUrl, { path: "/socket.io", transports: ["websocket", "polling"] });
    // On every (re)connection: a new socket id must join the conversation's room again.
    this.socket.on("connect", () => {
      this.socket.emit("session_request", { session_id: this.conversation.sessionId });
    });
    this.socket.on("session_confirm", (sessionId) => this.onSessionConfirmed(sessionId));
    this.socket.on("bot_uttered", (payload) => this.onBotPayload(payload));
    this.socket.on("disconnect", () => this.setConnected(false, "Connection lost, reconnecting…"));
    this.socket.on("connect_error", () => this.setConnected(false, "Cannot reach the assistant, retrying…"));
  }

  onSessionConfirmed(sessionId) {
    const isNewConversation = this.conversation.sessionId === null;
    if (sessionId !== this.conversation.sessionId) {
      // The server did not keep the session asked for: what is on screen belongs to another conversation.
      this.conversation = { sessionId, entries: [] };
      this.clearLog();
      this.persist();
    }
    this.setConnected(true, "");
    if (isNewConversation && this.startPayload) {
      this.emitMessage(this.startPayload);
    }
  }

  setConnected(connected, statusText) {
    this.confirmed = connected;
    this.view.send.disabled = !connected;
    this.view.status.textContent = statusText;
  }

  sendTyped() {
    const text = this.view.input.value.trim();
    if (!text || !this.confirmed) {
      return;
    }
    this.view.input.value = "";
    this.say(text, text);
  }

  /** Shows what the person chose (`shown`) and sends what the assistant should read (`payload`). */
  say(shown, payload) {
    this.removeReplies();
    this.addEntry({ from: "user", text: shown });
    this.emitMessage(payload);
  }

  emitMessage(payload) {
    this.socket.emit("user_uttered", {
      message: payload,
      session_id: this.conversation.sessionId,
      metadata: { message_time: localMessageTime(new Date()) },
    });
    this.showTyping();
  }

  onBotPayload(payload) {
    const reading = interpretBotPayload(payload);
    if (reading.kind === "message") {
      this.hideTyping();
      this.removeReplies();
      this.addEntry({ from: "bot", text: reading.text, replies: reading.replies });
    } else if (reading.kind === "urgency") {
      this.markLastBotMessageAsEmergency();
    } else if (reading.kind === "summary") {
      this.hideTyping();
      this.removeReplies();
      this.addEntry({ from: "bot", text: reading.summary.text, replies: [], summary: reading.summary });
    } else if (reading.kind === "erased") {
      // The server has deleted the conversation, so the copy kept on this device goes too. The screen shows it
      // until the page is left (the person reads the confirmation); the session id, which says nothing about
      // them, stays for their next message.
      this.conversation.entries = [];
      this.persist();
    }
  }

  addEntry(entry) {
    this.conversation.entries.push(entry);
    this.persist();
    this.renderEntry(entry, { live: true, isLast: true });
  }

  markLastBotMessageAsEmergency() {
    const entry = [...this.conversation.entries].reverse().find((candidate) => candidate.from === "bot");
    if (!entry || !this.lastBotNode) {
      return;
    }
    entry.urgency = EMERGENCY;
    this.persist();
    // An element that appears with role="alert" is announced at once by screen readers, interrupting the rest;
    // adding the role to an element already on screen is not reliably announced, so it is replaced.
    const alertNode = this.messageNode(entry, { live: true });
    this.lastBotNode.replaceWith(alertNode);
    this.lastBotNode = alertNode;
  }

  renderHistory() {
    const { entries } = this.conversation;
    entries.forEach((entry, index) => {
      this.renderEntry(entry, { live: false, isLast: index === entries.length - 1 });
    });
  }

  renderEntry(entry, { live, isLast }) {
    const node = this.messageNode(entry, { live });
    this.view.log.append(node);
    if (entry.from === "bot") {
      this.lastBotNode = node;
      // Only the newest message's quick replies still make sense as answers.
      if (isLast && entry.replies.length > 0) {
        this.showReplies(entry.replies);
      }
    }
    this.scrollToEnd();
  }

  messageNode(entry, { live }) {
    if (entry.summary) {
      return summaryNode(entry.summary);
    }
    const emergency = entry.urgency === EMERGENCY;
    const classes = ["tt-msg", entry.from === "user" ? "tt-msg--user" : "tt-msg--bot"];
    if (emergency) {
      classes.push("tt-msg--emergency");
    }
    const node = element("div", classes.join(" "));
    // Restored history is not announced again as an alert on every page load; the styling still marks it.
    if (emergency && live) {
      node.setAttribute("role", "alert");
    }
    node.dataset.from = entry.from;
    const speaker = entry.from === "user" ? "You said: " : emergency ? "Emergency: " : "Assistant: ";
    node.append(element("span", "tt-visually-hidden", speaker), element("span", "tt-msg-text", entry.text));
    return node;
  }

  showReplies(replies) {
    const group = element("div", "tt-replies");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested answers");
    for (const reply of replies) {
      const button = element("button", "tt-reply", reply.title);
      button.type = "button";
      button.addEventListener("click", () => {
        if (this.confirmed) {
          this.say(reply.title, reply.payload);
          this.view.input.focus();
        }
      });
      group.append(button);
    }
    this.view.log.append(group);
    this.repliesNode = group;
  }

  removeReplies() {
    if (this.repliesNode) {
      this.repliesNode.remove();
      this.repliesNode = null;
    }
  }

  showTyping() {
    this.view.typing.hidden = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.hideTyping(), TYPING_TIMEOUT_MS);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    this.view.typing.hidden = true;
  }

  scrollToEnd() {
    this.view.log.scrollTop = this.view.log.scrollHeight;
  }

  clearLog() {
    this.view.log.replaceChildren();
    this.lastBotNode = null;
    this.repliesNode = null;
  }

  /** Forgets this conversation on this device and asks the server for a fresh session. */
  startNewChat() {
    forgetConversation(this.storage, this.key);
    this.conversation = emptyConversation();
    this.clearLog();
    this.hideTyping();
    this.setConnected(false, "Starting a new chat…");
    this.socket.emit("session_request", { session_id: null });
  }

  persist() {
    saveConversation(this.storage, this.key, this.conversation);
  }
}

/**
 * The summary for the doctor: its sections as headings and lists, the line that it is not a diagnosis, and
 * "Copy" (the plain text to the clipboard) and "Print / save as PDF" (the browser's print dialog, which saves a PDF
 * too; only the summary is printed). Every text is set with textContent.
 */
function summaryNode(summary) {
  const node = element("article", "tt-msg tt-msg--bot tt-summary");
  node.dataset.from = "bot";
  node.setAttribute("aria-label", summary.title);
  const body = element("div", "tt-msg-text tt-summary-body");
  body.append(element("h3", "tt-summary-title", summary.title), element("p", "tt-summary-date", summary.date));
  for (const section of summary.sections) {
    const list = element("ul", "tt-summary-lines");
    for (const line of section.lines) {
      list.append(element("li", "", line));
    }
    body.append(element("h4", "tt-summary-heading", section.heading), list);
  }
  body.append(element("p", "tt-summary-disclaimer", summary.disclaimer));

  const status = element("p", "tt-summary-status");
  status.setAttribute("role", "status");
  const copy = element("button", "tt-summary-action", "Copy");
  copy.type = "button";
  copy.addEventListener("click", () => {
    copyText(summary.text).then(
      () => {
        status.textContent = "Copied. You can paste it into a message or a document.";
      },
      () => {
        status.textContent = "Copying didn't work here: select the summary and copy it.";
      },
    );
  });
  const print = element("button", "tt-summary-action", "Print / save as PDF");
  print.type = "button";
  print.addEventListener("click", () => printSummary(body));
  const actions = element("div", "tt-summary-actions");
  actions.append(copy, print);
  node.append(element("span", "tt-visually-hidden", "Assistant: "), body, actions, status);
  return node;
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).catch(() => copyWithSelection(text));
  }
  return copyWithSelection(text);
}

/** The old way, for pages served without HTTPS: a hidden text area, selected and copied. */
function copyWithSelection(text) {
  const area = element("textarea", "tt-visually-hidden");
  area.value = text;
  area.setAttribute("readonly", "");
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } finally {
    area.remove();
  }
  return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

/** Prints a copy of the summary alone: the host page, the chat and its scrolling box are hidden meanwhile. */
function printSummary(body) {
  document.querySelectorAll(`.${PRINT_ROOT_CLASS}`).forEach((old) => old.remove());
  const root = element("div", PRINT_ROOT_CLASS);
  root.append(body.cloneNode(true));
  document.body.append(root);
  document.documentElement.classList.add(PRINTING_CLASS);
  const done = () => {
    document.documentElement.classList.remove(PRINTING_CLASS);
    root.remove();
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
}

function defaultServerUrl() {
  // Rasa's default port on the host that served the page: right for `make run` on one machine.
  return `${window.location.protocol}//${window.location.hostname}:5005`;
}

function mountWidget() {
  const mount = document.getElementById(MOUNT_ID);
  if (!mount || mount.dataset.mounted === "true") {
    return;
  }
  mount.dataset.mounted = "true";
  injectStylesOnce();
  const startPayload = mount.dataset.startPayload ?? DEFAULT_START_PAYLOAD;
  new ChatWidget(mount, {
    serverUrl: (mount.dataset.serverUrl || defaultServerUrl()).replace(/\/+$/, ""),
    startPayload,
    title: mount.dataset.title || "Facial twitch triage",
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountWidget);
} else {
  mountWidget();
}
