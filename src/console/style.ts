/**
 * The console's one stylesheet, served from /console/static/console.css. It lives in a module so
 * the build carries it into dist/ with the code; the CSP allows styles from this origin only.
 */
export const CONSOLE_CSS = `
:root {
  --bg: #f2f4f7; --card: #fff; --text: #16191f; --muted: #5f6b7a; --line: #d5dbe3;
  --accent: #0b63c9; --accent-text: #fff; --danger: #b42318; --ok: #067647;
  --error-bg: #fef3f2; --notice-bg: #ecfdf3; --radius: 8px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: var(--text); background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --card: #1b222b; --text: #e8edf2; --muted: #9aa6b2; --line: #334050;
    --accent: #4c9dff; --accent-text: #0b1320; --danger: #ff7b6b; --ok: #5fd49a;
    --error-bg: #3a1d1a; --notice-bg: #14301f;
  }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; }
a { color: var(--accent); }
.top {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem;
  padding: 0.75rem 1.25rem; background: var(--card); border-bottom: 1px solid var(--line);
}
.brand { font-weight: 700; font-size: 1.15rem; color: var(--text); text-decoration: none; }
.top nav { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; flex: 1; }
.top nav .who { margin-left: auto; color: var(--muted); font-size: 0.9rem; }
.card {
  max-width: 60rem; margin: 1.5rem auto; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--line); border-radius: var(--radius);
}
.card.narrow { max-width: 26rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 0.75rem; }
p { margin: 0.5rem 0 1rem; }
.muted, small { color: var(--muted); }
.message { padding: 0.75rem 1rem; border-radius: var(--radius); border: 1px solid; }
.message.error { background: var(--error-bg); border-color: var(--danger); }
.message.notice { background: var(--notice-bg); border-color: var(--ok); }
form { margin: 0 0 1rem; }
form.inline { display: inline; margin: 0; }
.field { display: flex; flex-direction: column; gap: 0.25rem; margin-bottom: 1rem; }
.field.check { flex-direction: row; align-items: center; gap: 0.5rem; }
label { font-weight: 600; }
input[type=text], input[type=password], select {
  font: inherit; width: 100%; padding: 0.55rem 0.7rem; color: var(--text);
  background: var(--card); border: 1px solid var(--line); border-radius: 6px;
}
input[autocomplete="one-time-code"] { max-width: 12rem; letter-spacing: 0.12em; }
input[readonly] { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
input:focus, select:focus, button:focus, a:focus {
  outline: 3px solid color-mix(in srgb, var(--accent) 45%, transparent); outline-offset: 1px;
}
button {
  font: inherit; font-weight: 600; padding: 0.55rem 1.1rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text);
}
button.secondary { background: transparent; color: var(--accent); }
button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
button.link {
  background: none; border: none; padding: 0; color: var(--accent); font-weight: 400;
  text-decoration: underline;
}
a.button {
  display: inline-block; padding: 0.55rem 1.1rem; border-radius: 6px; font-weight: 600;
  background: var(--accent); color: var(--accent-text); text-decoration: none;
}
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap;
}
dl.facts {
  display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.5rem; margin: 0 0 1rem;
}
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { text-align: left; padding: 0.55rem 0.5rem; border-bottom: 1px solid var(--line); }
th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
td.serial { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem;
  word-break: break-all; }
.steps { padding-left: 1.25rem; }
.steps > li { margin-bottom: 1.25rem; }
.qr {
  display: block; width: 288px; max-width: 100%; height: auto;
  image-rendering: pixelated; margin: 0.75rem 0; background: #fff; border-radius: 4px;
}
.secret { display: none; }
.secret:target { display: block; }
@media (max-width: 34rem) {
  .card { margin: 0; border-radius: 0; border-left: 0; border-right: 0; padding: 1.1rem; }
  .top nav { flex-basis: 100%; }
  .top nav .who { margin-left: 0; width: 100%; order: -1; }
  dl.facts { grid-template-columns: 1fr; gap: 0.1rem; }
  dl.facts dd { margin-bottom: 0.6rem; }
  th.optional, td.optional { display: none; }
}
`;
