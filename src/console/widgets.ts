import { CSRF_FIELD } from './csrf.js';
import { html, type SafeHtml } from './html.js';

export function csrfInput(token: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}" />`;
}

export interface InputOptions {
  label: string;
  name: string;
  type?: 'text' | 'password';
  value?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  /** A six-digit one-time code: numeric keyboard on phones, and apps may fill it in. */
  otp?: boolean;
  autofocus?: boolean;
}

/** A labelled input; the label's text is the accessible name tests and screen readers use. */
export function input(options: InputOptions): SafeHtml {
  const id = `f-${options.name}`;
  const attributes = [
    options.otp ? html` inputmode="numeric" pattern="[0-9]{6}" maxlength="6"` : '',
    options.otp ? html` autocomplete="one-time-code"` : '',
    options.autocomplete ? html` autocomplete="${options.autocomplete}"` : '',
    options.required === false ? '' : html` required`,
    options.autofocus ? html` autofocus` : '',
    options.hint ? html` aria-describedby="${id}-hint"` : '',
  ];
  const hint = options.hint ? html`<small id="${id}-hint">${options.hint}</small>` : '';

  return html`<div class="field">
    <label for="${id}">${options.label}</label>
    <input
      id="${id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      value="${options.value ?? ''}"
      ${attributes}
    />
    ${hint}
  </div>`;
}

export function passwordInput(label: string, name: string, autocomplete: string): SafeHtml {
  return input({ label, name, type: 'password', autocomplete });
}

export function checkbox(label: string, name: string, checked = false): SafeHtml {
  const id = `f-${name}`;
  return html`<div class="field check">
    <input id="${id}" name="${name}" type="checkbox" value="1" ${checked ? html` checked` : ''} />
    <label for="${id}">${label}</label>
  </div>`;
}

export function button(
  text: string,
  kind: 'primary' | 'secondary' | 'danger' = 'primary',
): SafeHtml {
  return html`<button type="submit" class="${kind}">${text}</button>`;
}

/** Times are shown in UTC, the same on every instance and in the logs. */
export function when(ms: number | null): string {
  if (ms === null) return '—';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The MFA device list: the same columns on a user's own page and on an admin's view of them. */
export function deviceTable(rows: SafeHtml[]): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th scope="col">Device name</th>
        <th scope="col" class="optional">Identifier</th>
        <th scope="col">Enabled</th>
        <th scope="col"><span class="visually-hidden">Actions</span></th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
