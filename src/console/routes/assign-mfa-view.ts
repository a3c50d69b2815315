import type { NewVirtualDevice } from '../../domain/mfa/devices.js';
import type { SignedIn } from '../context.js';
import { html, type SafeHtml } from '../html.js';
import { button, csrfInput, input } from '../widgets.js';

/**
 * Step two of the wizard. The QR code is inline (a data: URL, so it never sits at a URL of its
 * own) and drawn with hard pixel edges at a size phone cameras read at once; the secret key is
 * revealed by a plain in-page link, so no script is needed.
 */
export function qrStep(signedIn: SignedIn, created: NewVirtualDevice): SafeHtml {
  const png = `data:image/png;base64,${created.qrCodePng.toString('base64')}`;
  const name = created.device.name;

  return html`<ol class="steps">
    <li>
      <h2>Install an authenticator app</h2>
      <p>Any app that supports time-based codes (TOTP) works, on a phone or a computer.</p>
    </li>
    <li>
      <h2>Scan the QR code</h2>
      <img
        class="qr"
        src="${png}"
        width="288"
        height="288"
        alt="QR code for the MFA device ${name}: scan it with your authenticator app"
      />
      <p>Cannot scan it? <a href="#secret-key">Show secret key</a></p>
      <div id="secret-key" class="secret">
        <div class="field">
          <label for="f-secret">Secret key</label>
          <input
            id="f-secret"
            type="text"
            readonly
            value="${created.base32Seed}"
            autocomplete="off"
            spellcheck="false"
          />
        </div>
        <p class="muted">Type it into your app as a time-based key.</p>
      </div>
    </li>
    <li>
      <h2>Enter two consecutive codes</h2>
      <p>Enter the code your app shows, wait for the next one, and enter that too.</p>
      ${codesForm(signedIn.csrf)}
    </li>
  </ol>`;
}

export function codesForm(csrf: string): SafeHtml {
  return html`<form method="post" action="/console/security-credentials/mfa/enable">
    ${csrfInput(csrf)} ${input({ label: 'MFA code 1', name: 'code1', otp: true })}
    ${input({ label: 'MFA code 2', name: 'code2', otp: true })}
    <div class="actions">
      ${button('Add MFA')}<a href="/console/security-credentials">Cancel</a>
    </div>
  </form>`;
}
