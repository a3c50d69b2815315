/**
 * Field names that carry secrets, matched in any case against the end of a wire name: passwords
 * (Password, NewPassword, OldPassword), one-time codes (AuthenticationCode1/2, TokenCode), secret
 * keys and tokens (SecretAccessKey, SessionToken, X-Amz-Security-Token), MFA seeds and the QR
 * code that draws one, private keys and SAML assertions. An audit event leaves such a field out
 * entirely; PolicyDocument, PasswordResetRequired and every other field stay.
 */
const SECRET_NAME = new RegExp(
  '(password|authenticationcode\\d*|tokencode|secret|secretaccesskey|token|seed|qrcodepng|' +
    'privatekey|samlassertion)$',
  'i',
);

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
