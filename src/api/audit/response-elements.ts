import type { AuditObject, AuditValue } from '../../domain/audit/event.js';
import { isSecretName } from '../../domain/audit/secrets.js';
import type { XmlValue } from '../xml.js';
import { camel } from './request-parameters.js';

/**
 * An action's result as CloudTrail writes it: members in lowerCamelCase, with every secret
 * (SecretAccessKey, SessionToken, Base32StringSeed, QRCodePNG) left out by name. Binary members
 * are left out too: the only ones are a seed and the QR code drawing it.
 */
export function responseElements(result: XmlValue): AuditObject | null {
  const value = convert(result);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function convert(value: XmlValue): AuditValue | undefined {
  if (value === undefined || value === null || Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    return value.map(convert).filter((item): item is AuditValue => item !== undefined);
  }
  if (typeof value !== 'object') return value;

  const entries: [string, AuditValue][] = [];
  for (const [key, member] of Object.entries(value)) {
    if (isSecretName(key)) continue;
    const converted = convert(member);
    if (converted !== undefined) entries.push([camel(key), converted]);
  }
  return Object.fromEntries(entries);
}
