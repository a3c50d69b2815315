import { Buffer } from 'node:buffer';

import type { VariableSource } from './context.js';
import { parseDate } from './dates.js';
import { malformed } from './errors.js';
import { compileIpRange } from './ip.js';
import { expandTemplate, fixedText, type Template } from './variables.js';
import { compileWildcard } from './wildcard.js';

/** Whether one value from the request matches one value written in the policy. */
export type ValueTest = (actual: string, source: VariableSource) => boolean;

/**
 * What a condition operator does with one policy value. A negated operator is written as the
 * test of its positive twin plus `negated`, so that "matches none of the values" (NOR) and the
 * absent-key rule are applied in one place, by the condition.
 */
export interface OperatorSpec {
  readonly negated: boolean;
  /** Whether ${...} in the operator's values is expanded; AWS does so for strings and ARNs. */
  readonly variables: boolean;
  compile(value: string, template: Template, operator: string): ValueTest;
}

type Compare = (actual: number, expected: number) => boolean;

const equal: Compare = (a, b) => a === b;
const less: Compare = (a, b) => a < b;
const lessOrEqual: Compare = (a, b) => a <= b;
const greater: Compare = (a, b) => a > b;
const greaterOrEqual: Compare = (a, b) => a >= b;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function parseNumber(text: string): number {
  return NUMBER.test(text) ? Number(text) : Number.NaN;
}

function stringEquals(_value: string, template: Template): ValueTest {
  const fixed = fixedText(template);
  if (fixed !== undefined) return (actual) => actual === fixed;

  return (actual, source) => actual === expandTemplate(template, source);
}

function stringEqualsIgnoreCase(_value: string, template: Template): ValueTest {
  const fixed = fixedText(template)?.toLowerCase();
  if (fixed !== undefined) return (actual) => actual.toLowerCase() === fixed;

  return (actual, source) =>
    actual.toLowerCase() === expandTemplate(template, source)?.toLowerCase();
}

function numeric(compare: Compare): OperatorSpec['compile'] {
  return (value, _template, operator) => {
    const expected = parseNumber(value);
    if (Number.isNaN(expected)) malformed(`Invalid number "${value}" for operator ${operator}.`);

    return (actual) => compare(parseNumber(actual), expected);
  };
}

function date(compare: Compare): OperatorSpec['compile'] {
  return (value, _template, operator) => {
    const expected = parseDate(value);
    if (Number.isNaN(expected)) malformed(`Invalid date "${value}" for operator ${operator}.`);

    return (actual) => compare(parseDate(actual), expected);
  };
}

function bool(value: string, _template: Template, operator: string): ValueTest {
  const expected = value.toLowerCase();
  if (expected !== 'true' && expected !== 'false') {
    malformed(`Invalid boolean "${value}" for operator ${operator}: use true or false.`);
  }

  return (actual) => actual.toLowerCase() === expected;
}

function binaryEquals(value: string, _template: Template, operator: string): ValueTest {
  if (!BASE64.test(value)) malformed(`Invalid base64 value "${value}" for operator ${operator}.`);
  const expected = Buffer.from(value, 'base64');

  return (actual) => Buffer.from(actual, 'base64').equals(expected);
}

function ipAddress(value: string): ValueTest {
  return compileIpRange(value);
}

function arn(_value: string, template: Template): ValueTest {
  return compileWildcard(template, 'arn');
}

function stringLike(_value: string, template: Template): ValueTest {
  return compileWildcard(template, 'string');
}

function spec(
  compile: OperatorSpec['compile'],
  options: { negated?: boolean; variables?: boolean } = {},
): OperatorSpec {
  return { compile, negated: options.negated ?? false, variables: options.variables ?? false };
}

const withVariables = { variables: true };
const negatedWithVariables = { variables: true, negated: true };
const negated = { negated: true };

/** Every operator AWS documents for identity policies except Null, which tests presence. */
const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map([
  ['StringEquals', spec(stringEquals, withVariables)],
  ['StringNotEquals', spec(stringEquals, negatedWithVariables)],
  ['StringEqualsIgnoreCase', spec(stringEqualsIgnoreCase, withVariables)],
  ['StringNotEqualsIgnoreCase', spec(stringEqualsIgnoreCase, negatedWithVariables)],
  ['StringLike', spec(stringLike, withVariables)],
  ['StringNotLike', spec(stringLike, negatedWithVariables)],
  ['NumericEquals', spec(numeric(equal))],
  ['NumericNotEquals', spec(numeric(equal), negated)],
  ['NumericLessThan', spec(numeric(less))],
  ['NumericLessThanEquals', spec(numeric(lessOrEqual))],
  ['NumericGreaterThan', spec(numeric(greater))],
  ['NumericGreaterThanEquals', spec(numeric(greaterOrEqual))],
  ['DateEquals', spec(date(equal))],
  ['DateNotEquals', spec(date(equal), negated)],
  ['DateLessThan', spec(date(less))],
  ['DateLessThanEquals', spec(date(lessOrEqual))],
  ['DateGreaterThan', spec(date(greater))],
  ['DateGreaterThanEquals', spec(date(greaterOrEqual))],
  ['Bool', spec(bool)],
  ['BinaryEquals', spec(binaryEquals)],
  ['IpAddress', spec(ipAddress)],
  ['NotIpAddress', spec(ipAddress, negated)],
  // AWS documents ArnEquals and ArnLike as the same comparison, wildcards included.
  ['ArnEquals', spec(arn, withVariables)],
  ['ArnLike', spec(arn, withVariables)],
  ['ArnNotEquals', spec(arn, negatedWithVariables)],
  ['ArnNotLike', spec(arn, negatedWithVariables)],
]);

/** The operator's behaviour by exact name (AWS operator names are case-sensitive). */
export function operatorSpec(name: string): OperatorSpec | undefined {
  return OPERATORS.get(name);
}
