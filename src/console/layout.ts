import { html, type SafeHtml } from './html.js';
import { csrfInput } from './widgets.js';

/** What the header shows to someone signed in. */
export interface Nav {
  /** "Alice" or "root", shown beside the account id. */
  identity: string;
  accountId: string;
  csrf: string;
  showUsers: boolean;
}

export interface Page {
  title: string;
  body: SafeHtml;
  nav?: Nav;
  error?: string;
  notice?: string;
  /** Sign-in and MFA pages are a narrow card; the rest use the full width. */
  narrow?: boolean;
}

export function layout(page: Page): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>${page.title} · Tessera</title>
        <link rel="stylesheet" href="/console/static/console.css" />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/console/home">Tessera</a>
          ${page.nav ? navigation(page.nav) : ''}
        </header>
        <main class="${page.narrow ? 'card narrow' : 'card'}">
          <h1>${page.title}</h1>
          ${page.error ? html`<p class="message error" role="alert">${page.error}</p>` : ''}
          ${page.notice ? html`<p class="message notice" role="status">${page.notice}</p>` : ''}
          ${page.body}
        </main>
      </body>
    </html> `;
}

function navigation(nav: Nav): SafeHtml {
  return html`<nav aria-label="Console">
    <a href="/console/security-credentials">Security credentials</a>
    ${nav.showUsers ? html`<a href="/console/users">Users</a>` : ''}
    <span class="who">${nav.identity} @ ${nav.accountId}</span>
    <form method="post" action="/console/signout" class="inline">
      ${csrfInput(nav.csrf)}
      <button type="submit" class="link">Sign out</button>
    </form>
  </nav>`;
}
