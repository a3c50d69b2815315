import type { FastifyReply } from 'fastify';

import { html } from './html.js';
import { layout, type Nav, type Page } from './layout.js';

export function sendPage(reply: FastifyReply, page: Page, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(layout(page).value);
}

/** After a successful POST the browser is sent on with a GET, so a reload never re-submits. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}

/** A refused form: says what to do, never why in detail (that would help a forger). */
export function formExpired(reply: FastifyReply): FastifyReply {
  return sendPage(
    reply,
    {
      title: 'Please try again',
      narrow: true,
      error:
        'This form has expired or did not come from this console. Go back, reload the page ' +
        'and submit it again.',
      body: html`<p><a href="/console/signin">Go to sign-in</a></p>`,
    },
    403,
  );
}

export function messagePage(
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
  nav?: Nav,
): FastifyReply {
  const back = nav
    ? html`<p><a href="/console/home">Back to the console home</a></p>`
    : html`<p><a href="/console/signin">Go to sign-in</a></p>`;
  return sendPage(reply, { title, error: message, body: back, nav, narrow: !nav }, status);
}
