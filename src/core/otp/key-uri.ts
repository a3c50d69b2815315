/**
 * The Google Authenticator key URI (otpauth://totp/LABEL?PARAMS). Every part is percent-encoded
 * per RFC 3986, so a space is %20 and a plus is %2B: apps decode with RFC 3986 rules, under which
 * form encoding's `+` would be shown as a literal plus.
 */
export interface KeyUriInput {
  issuer: string;
  accountName: string;
  secretBase32: string;
  period?: number;
  digits?: number;
}

export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function totpKeyUri(input: KeyUriInput): string {
  if (input.issuer.includes(':') || input.accountName.includes(':')) {
    throw new TypeError('key URI issuer and account name may not contain a colon');
  }

  // '@' is a legal path character (RFC 3986 pchar) and reads better in apps' account lists.
  const label = `${rfc3986(input.issuer)}:${rfc3986(input.accountName).replace(/%40/g, '@')}`;
  const params = [
    `secret=${input.secretBase32}`,
    `issuer=${rfc3986(input.issuer)}`,
    'algorithm=SHA1',
    `digits=${input.digits ?? 6}`,
    `period=${input.period ?? 30}`,
  ];
  return `otpauth://totp/${label}?${params.join('&')}`;
}
