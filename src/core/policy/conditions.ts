import { writtenOperator } from './condition-block.js';
import type { ContextKeys } from './context.js';
import { malformed } from './errors.js';
import { operatorSpec } from './operators.js';
import type { Condition } from './types.js';
import { parseTemplate } from './variables.js';

/** A compiled condition: whether it holds for one request's context keys. */
export type ConditionTest = (keys: ContextKeys) => boolean;

/**
 * Compiles one operator-and-key pair. `variables` is false for 2008-10-17 documents, whose
 * ${...} text AWS leaves as it is.
 */
export function compileCondition(condition: Condition, variables: boolean): ConditionTest {
  const key = condition.key.toLowerCase();
  const written = writtenOperator(condition);
  if (condition.operator === 'Null') return compileNull(condition, key, written);

  const spec = operatorSpec(condition.operator);
  if (spec === undefined) malformed(`Invalid Condition type : ${written}`);

  const tests = condition.values.map((value) =>
    spec.compile(value, parseTemplate(value, variables && spec.variables), written),
  );
  const matches = (actual: string, keys: ContextKeys): boolean =>
    tests.some((test) => test(actual, keys)) !== spec.negated;
  const whenAbsent = holdsWhenAbsent(condition, spec.negated);
  const forAll = condition.setOperator === 'ForAllValues';

  return (keys) => {
    const actual = keys.values(key);
    if (actual === undefined) return whenAbsent;

    // Without a set operator a multivalued key is read as ForAnyValue would read it.
    return forAll
      ? actual.every((value) => matches(value, keys))
      : actual.some((value) => matches(value, keys));
  };
}

/**
 * The documented rule for a key missing from the request: IfExists holds; ForAllValues holds
 * (every one of no values matches); ForAnyValue fails (no value matches); otherwise only a
 * negated operator holds, since nothing it forbids is present.
 */
function holdsWhenAbsent(condition: Condition, negated: boolean): boolean {
  if (condition.ifExists || condition.setOperator === 'ForAllValues') return true;
  if (condition.setOperator === 'ForAnyValue') return false;
  return negated;
}

/** Null tests presence alone: "true" holds when the key is absent, "false" when present. */
function compileNull(condition: Condition, key: string, written: string): ConditionTest {
  if (condition.ifExists || condition.setOperator) malformed(`Invalid Condition type : ${written}`);

  const expectations = condition.values.map((value): boolean => {
    const lower = value.toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      malformed(`Invalid boolean "${value}" for operator Null: use true or false.`);
    }
    return lower === 'true';
  });

  return (keys) => {
    const absent = keys.values(key) === undefined;
    return expectations.some((wantsAbsent) => wantsAbsent === absent);
  };
}
