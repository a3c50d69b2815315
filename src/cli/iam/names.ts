/**
 * The AWS CLI's spelling of a wire name: `CreateVirtualMFADevice` is `create-virtual-mfa-device`,
 * `AuthenticationCode1` is `authentication-code1`, `QRCodePNG` is `qr-code-png`. A hyphen goes
 * where a lower-case letter or digit meets a capital, and before the last capital of a run of
 * capitals that starts a word; digits stay with the word before them. Lower-case names cannot
 * be turned back into wire names (MFA, QRCode, PNG), so commands and flags are looked up from
 * the wire names instead.
 */
export function kebabCase(wireName: string): string {
  return wireName
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
