import { XMLParser } from 'fast-xml-parser';

/**
 * The response members the AWS models type as lists, booleans or integers. The XML carries only
 * text, and an empty list is an empty element, so the CLI needs the names to print `[]`, `false`
 * or `3` where the AWS CLI does; every other member stays a string as sent (timestamps and
 * base64 blobs included, like the AWS CLI v1's "wire" format).
 */
const LISTS = new Set([
  'Users',
  'AccessKeyMetadata',
  'MFADevices',
  'VirtualMFADevices',
  'Tags',
  'Policies',
  'Versions',
  'AttachedPolicies',
  'PolicyNames',
  'Groups',
]);
const BOOLEANS = new Set([
  'IsTruncated',
  'PasswordResetRequired',
  'IsAttachable',
  'IsDefaultVersion',
]);
const INTEGERS = new Set(['AttachmentCount', 'PermissionsBoundaryUsageCount']);

/** IAM sends policy documents percent-encoded; the AWS CLI prints them as JSON objects. */
const POLICY_DOCUMENTS = new Set(['PolicyDocument', 'Document']);

export type Json = string | number | boolean | Json[] | { [key: string]: Json };

const parser = new XMLParser({
  ignoreAttributes: true,
  // Values stay text until shaped: account ids, codes and markers must keep their leading zeros.
  parseTagValue: false,
  trimValues: false,
  // Also decodes character references such as &#13;, which the server writes for a CR.
  htmlEntities: true,
  isArray: (name) => name === 'member',
});

/**
 * Parses a Query API response; throws on anything that is not well-formed XML, and on element
 * names such as __proto__ that could reach an object's prototype.
 */
export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text, true) as Record<string, unknown>;
}

/** One parsed element as the AWS CLI prints it; `name` is the element's own name. */
export function shapeOutput(node: unknown, name = ''): Json {
  if (typeof node === 'string') return shapeText(node, name);

  const record = (node ?? {}) as Record<string, unknown>;
  if (Array.isArray(record.member)) return record.member.map((item) => shapeOutput(item));

  const entries = Object.entries(record)
    .filter(([key]) => key !== '#text')
    .map(([key, value]): [string, Json] => [key, shapeOutput(value, key)]);
  return Object.fromEntries(entries);
}

function shapeText(text: string, name: string): Json {
  if (LISTS.has(name)) return [];
  if (BOOLEANS.has(name)) return text.trim() === 'true';
  if (INTEGERS.has(name)) return Number(text.trim());
  if (POLICY_DOCUMENTS.has(name)) return policyDocument(text);
  return text;
}

/** The decoded document, or the text as sent when it is not percent-encoded JSON. */
function policyDocument(text: string): Json {
  try {
    return JSON.parse(decodeURIComponent(text)) as Json;
  } catch {
    return text;
  }
}
