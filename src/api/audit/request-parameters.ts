import type { AuditObject, AuditValue } from '../../domain/audit/event.js';
import { isSecretName } from '../../domain/audit/secrets.js';

/** Parameters of the protocol (and of presigned URLs), not of the operation. */
const PROTOCOL = /^(Action|Version|X-Amz-.*)$/i;

/** No AWS shape is this deep or this long; such a name is left out rather than walked. */
const MAX_PARTS = 12;
const MAX_NAME = 256;
const MAX_INDEX = 1000;

/** Members CloudTrail writes as JSON booleans and numbers rather than strings. */
const TYPED: Record<string, 'boolean' | 'integer'> = {
  PasswordResetRequired: 'boolean',
  SetAsDefault: 'boolean',
  DurationSeconds: 'integer',
  MaxItems: 'integer',
};

type Slot = string | boolean | number | Fields | Members;
type Fields = Map<string, Slot>;

/** A `Name.member.N` list while it is built: members by N, in any order and with gaps. */
class Members extends Map<number, Slot> {}

/** A path through the parameters: member names, and N for each `.member.N`. */
type Step = string | number;

/**
 * The operation's parameters as CloudTrail writes them: names in lowerCamelCase, `.member.N`
 * lists as arrays, nested members as objects, and every secret (passwords, codes, tokens) left
 * out by name. Malformed names are skipped, so any request, however odd, gives a small object.
 */
export function requestParameters(params: Map<string, string>): AuditObject {
  const root: Fields = new Map();
  for (const [name, value] of params) {
    if (PROTOCOL.test(name) || name.length > MAX_NAME) continue;

    const parts = name.split('.');
    if (parts.length > MAX_PARTS || parts.some(isSecretName)) continue;
    place(root, pathOf(parts), typed(parts[parts.length - 1]!, value));
  }
  return toObject(root);
}

function pathOf(parts: string[]): Step[] {
  const path: Step[] = [];
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1];
    if (parts[i] === 'member' && path.length > 0 && next !== undefined && isIndex(next)) {
      path.push(Number(next));
      i++;
    } else {
      path.push(camel(parts[i]!));
    }
  }
  return path;
}

function isIndex(text: string): boolean {
  return /^[1-9]\d{0,3}$/.test(text) && Number(text) <= MAX_INDEX;
}

/** Puts one value at its path; a path that clashes with an earlier one is dropped. */
function place(root: Fields, path: Step[], value: Slot): void {
  let container: Fields | Members = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const isListStep = typeof step === 'number';
    if (isListStep !== container instanceof Members) return;

    const slots = container as Map<Step, Slot>;
    const existing = slots.get(step);
    if (i === path.length - 1) {
      if (existing === undefined) slots.set(step, value);
      return;
    }

    const next = existing ?? (typeof path[i + 1] === 'number' ? new Members() : new Map());
    if (!(next instanceof Map)) return;
    slots.set(step, next);
    container = next;
  }
}

function typed(name: string, value: string): Slot {
  const type = TYPED[name];
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'integer' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return value;
}

/** CloudTrail's member names: the wire name with its first letter in lower case. */
export function camel(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

function toObject(fields: Fields): AuditObject {
  // fromEntries defines own properties, so a parameter named __proto__ stays a plain key.
  return Object.fromEntries([...fields].map(([key, slot]) => [key, toValue(slot)]));
}

function toValue(slot: Slot): AuditValue {
  if (slot instanceof Members) {
    return [...slot].sort(([a], [b]) => a - b).map(([, item]) => toValue(item));
  }
  if (slot instanceof Map) return toObject(slot);
  return slot;
}
