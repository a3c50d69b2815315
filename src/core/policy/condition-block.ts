import { malformed } from './errors.js';
import { isJsonObject } from './json.js';
import type { Condition, SetOperator } from './types.js';

const SET_PREFIX = /^(ForAnyValue|ForAllValues):(.+)$/;
const IF_EXISTS = 'IfExists';

// Condition keys, like actions, carry a service prefix: aws:, iam:, sts: ...
const CONDITION_KEY = /^[A-Za-z0-9-]+:\S+$/;

/**
 * Reads a statement's Condition element, `{ operator: { key: value | [values] } }`, into one
 * Condition per operator and key. Operator names are only split here; whether they exist is
 * decided when the condition is compiled, so hand-built documents get the same check.
 */
export function parseConditionBlock(block: unknown): Condition[] {
  if (!isJsonObject(block)) malformed('Condition must be an object keyed by condition operator.');

  const conditions: Condition[] = [];
  for (const [written, keys] of Object.entries(block)) {
    if (!isJsonObject(keys)) malformed(`Condition operator ${written} must map keys to values.`);

    for (const [key, values] of Object.entries(keys)) {
      if (!CONDITION_KEY.test(key)) {
        malformed('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
      }
      conditions.push({ ...splitOperator(written), key, values: conditionValues(values, key) });
    }
  }

  return conditions;
}

function splitOperator(written: string): Pick<Condition, 'operator' | 'ifExists' | 'setOperator'> {
  const prefixed = SET_PREFIX.exec(written);
  const setOperator = prefixed?.[1] as SetOperator | undefined;
  const name = prefixed?.[2] ?? written;

  const ifExists = name.length > IF_EXISTS.length && name.endsWith(IF_EXISTS);
  const operator = ifExists ? name.slice(0, -IF_EXISTS.length) : name;
  return setOperator ? { operator, ifExists, setOperator } : { operator, ifExists };
}

/** Policy values as text: IAM accepts JSON numbers and booleans and compares their text. */
function conditionValues(raw: unknown, key: string): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) malformed(`Condition key ${key} has an empty list of values.`);

  return list.map((value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return malformed(`Condition key ${key} has a value that is not a string, number or boolean.`);
  });
}

/** The operator as a policy author wrote it, for error messages. */
export function writtenOperator(condition: Condition): string {
  const prefix = condition.setOperator ? `${condition.setOperator}:` : '';
  return `${prefix}${condition.operator}${condition.ifExists ? IF_EXISTS : ''}`;
}
