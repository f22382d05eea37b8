// The widget's styles, injected once by the script so that embedding needs only one <script> tag. Every class
// starts with "tt-" so that the host page's styles and ours do not collide.

export const WIDGET_CSS = `
.tt-chat {
  --tt-accent: #005eb8;
  --tt-emergency: #a4000f;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: 100%;
  max-width: 32rem;
  height: min(85vh, 40rem);
  border: 1px solid #b7c2cc;
  border-radius: 0.75rem;
  background: #fff;
  color: #1d1d1d;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  overflow: hidden;
  position: relative; /* contains the visually hidden labels, so they never stretch the host page */
}
.tt-chat *, .tt-chat *::before, .tt-chat *::after { box-sizing: inherit; }
.tt-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 0.5rem;
  padding: 0.6rem 0.9rem;
  background: var(--tt-accent);
  color: #fff;
}
.tt-title { margin: 0; font-size: 1.05rem; font-weight: 600; }
.tt-new-chat {
  min-height: 2.25rem;
  padding: 0.25rem 0.75rem;
  border: 1px solid #fff;
  border-radius: 0.4rem;
  background: transparent;
  color: #fff;
  font: inherit;
  font-size: 0.9rem;
  cursor: pointer;
}
.tt-status { margin: 0; padding: 0.3rem 0.9rem; font-size: 0.85rem; background: #f0f4f5; color: #425563; }
.tt-status:empty { display: none; }
.tt-log {
  flex: 1 1 auto;
  display: flex;
  flex-direction: column;
  gap: 0.5rem;
  padding: 0.9rem;
  overflow-y: auto;
  overscroll-behavior: contain;
  position: relative; /* the hidden speaker labels scroll with their messages */
}
.tt-msg {
  max-width: 85%;
  padding: 0.55rem 0.8rem;
  border-radius: 0.9rem;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.tt-msg--bot { align-self: flex-start; background: #e8edee; border-bottom-left-radius: 0.2rem; }
.tt-msg--user { align-self: flex-end; background: var(--tt-accent); color: #fff; border-bottom-right-radius: 0.2rem; }
.tt-msg.tt-msg--emergency {
  align-self: stretch;
  max-width: none;
  background: var(--tt-emergency);
  color: #fff;
  font-weight: 600;
  border: 3px solid #4d0007;
}
.tt-replies { display: flex; flex-wrap: wrap; gap: 0.4rem; align-self: flex-start; max-width: 100%; }
.tt-reply {
  min-height: 2.75rem;
  padding: 0.4rem 0.9rem;
  border: 2px solid var(--tt-accent);
  border-radius: 1.4rem;
  background: #fff;
  color: var(--tt-accent);
  font: inherit;
  cursor: pointer;
}
.tt-reply:hover { background: #e6eff8; }
.tt-chat button:focus-visible, .tt-input:focus-visible { outline: 3px solid #ffb81c; outline-offset: 2px; }
.tt-typing { display: flex; gap: 0.3rem; align-items: center; padding: 0.3rem 1.2rem; min-height: 1.5rem; }
.tt-typing[hidden] { display: none; }
.tt-typing-dot { width: 0.5rem; height: 0.5rem; border-radius: 50%; background: #425563; animation: tt-blink 1.2s infinite; }
.tt-typing-dot:nth-child(2) { animation-delay: 0.2s; }
.tt-typing-dot:nth-child(3) { animation-delay: 0.4s; }
@keyframes tt-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .tt-typing-dot { animation: none; } }
.tt-form { display: flex; gap: 0.5rem; padding: 0.6rem; border-top: 1px solid #d8dde0; }
.tt-input {
  flex: 1 1 auto;
  min-width: 0;
  min-height: 2.75rem;
  padding: 0.5rem 0.75rem;
  border: 2px solid #768692;
  border-radius: 0.5rem;
  font: inherit;
  font-size: 16px; /* 16px stops phones from zooming into the field */
}
.tt-send {
  min-height: 2.75rem;
  padding: 0.5rem 1rem;
  border: 0;
  border-radius: 0.5rem;
  background: var(--tt-accent);
  color: #fff;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
.tt-send:disabled { background: #768692; cursor: not-allowed; }
.tt-visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.tt-msg.tt-summary {
  align-self: stretch;
  max-width: none;
  white-space: normal;
  background: #fff;
  border: 2px solid var(--tt-accent);
  border-radius: 0.5rem;
}
.tt-summary-title { margin: 0; font-size: 1.05rem; }
.tt-summary-date { margin: 0.1rem 0 0.4rem; color: #425563; font-size: 0.9rem; }
.tt-summary-heading { margin: 0.6rem 0 0.2rem; font-size: 0.95rem; }
.tt-summary-lines { margin: 0; padding-left: 1.2rem; }
.tt-summary-disclaimer { margin: 0.6rem 0 0; font-weight: 600; }
.tt-summary-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.6rem; }
.tt-summary-action {
  min-height: 2.75rem;
  padding: 0.4rem 0.9rem;
  border: 2px solid var(--tt-accent);
  border-radius: 0.5rem;
  background: var(--tt-accent);
  color: #fff;
  font: inherit;
  cursor: pointer;
}
.tt-summary-status { margin: 0.3rem 0 0; font-size: 0.9rem; color: #425563; }
.tt-summary-status:empty { display: none; }
.tt-print-root { display: none; }
/* "Print / save as PDF": the page prints a copy of the summary alone, in black on white (widget.js printSummary). */
@media print {
  html.tt-printing-summary body > *:not(.tt-print-root) { display: none !important; }
  html.tt-printing-summary body { margin: 0; padding: 0; background: #fff; }
  html.tt-printing-summary .tt-print-root {
    display: block;
    color: #000;
    font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  }
  .tt-print-root .tt-summary-title { font-size: 16pt; margin: 0; }
  .tt-print-root .tt-summary-date { color: #000; margin: 0.2em 0 0.8em; }
  .tt-print-root .tt-summary-heading { font-size: 12pt; margin: 1em 0 0.3em; break-after: avoid; }
  .tt-print-root .tt-summary-lines { margin: 0; padding-left: 1.4em; }
  .tt-print-root li { break-inside: avoid; }
  .tt-print-root .tt-summary-disclaimer { margin-top: 1.2em; font-weight: 600; }
}
@media (max-width: 32rem) {
  .tt-chat { max-width: none; height: 100dvh; border: 0; border-radius: 0; }
  .tt-msg { max-width: 92%; }
}
`;
