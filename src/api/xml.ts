/**
 * A small XML writer for AWS Query responses. Hand-written because the shapes are fixed and it is
 * on every response: plain objects become elements in key order, arrays become <member> lists,
 * Buffers base64, numbers and booleans text; undefined members are left out.
 */
export type XmlValue =
  string | number | boolean | Buffer | undefined | null | XmlValue[] | { [key: string]: XmlValue };

// Text content only (there are no attributes with values from requests): quotes stay as they are,
// as AWS writes them.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

// Characters XML 1.0 cannot carry at all, not even as references; shown as U+FFFD.
const UNREPRESENTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  const clean = text.replace(UNREPRESENTABLE, '\uFFFD');
  return /[&<>\r]/.test(clean) ? clean.replace(/[&<>\r]/g, (c) => ESCAPES[c]!) : clean;
}

export function writeXml(value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => element('member', item)).join('');
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'object') {
    let out = '';
    for (const key of Object.keys(value)) out += element(key, value[key]);
    return out;
  }
  return escapeXml(String(value));
}

function element(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${writeXml(value)}</${name}>`;
}

/** The one API version each service speaks (the Version parameter); others name no operation. */
export const VERSIONS = {
  iam: '2010-05-08',
  sts: '2011-06-15',
} as const;

export const NAMESPACES = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
} as const;

export function successXml(
  service: keyof typeof NAMESPACES,
  action: string,
  result: XmlValue,
  requestId: string,
): string {
  const body = result === undefined ? '' : element(`${action}Result`, result);
  return (
    `<${action}Response xmlns="${NAMESPACES[service]}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function errorXml(
  service: keyof typeof NAMESPACES,
  error: { code: string; message: string; sender: boolean },
  requestId: string,
): string {
  return (
    `<ErrorResponse xmlns="${NAMESPACES[service]}"><Error>` +
    `<Type>${error.sender ? 'Sender' : 'Receiver'}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

/** AWS timestamps: ISO 8601 in UTC without fractions, as IAM prints them. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
