import { compileAndRemember } from './compile.js';
import { parseConditionBlock } from './condition-block.js';
import { malformed } from './errors.js';
import { isJsonObject, stringList, type JsonObject } from './json.js';
import type { PolicyDocument, PolicyStatement, PolicyVersion } from './types.js';

/** The largest PolicyDocument the IAM API model accepts, in characters. */
export const MAX_POLICY_DOCUMENT_LENGTH = 131_072;

const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];
const DOCUMENT_ELEMENTS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

const SID = /^[0-9A-Za-z]*$/;
const ACTION = /^[A-Za-z0-9-]+:\S+$/;
const ARN_SEGMENTS = 6;

/**
 * Parses and validates an identity policy, then compiles it so that evaluatePolicies does no
 * parsing. The result is deeply frozen: keep it and evaluate it as often as needed.
 */
export function parsePolicyDocument(json: string): PolicyDocument {
  if (typeof json !== 'string') throw new TypeError('parsePolicyDocument expects a JSON string');
  if (json.length > MAX_POLICY_DOCUMENT_LENGTH) {
    malformed(`Policy document is longer than ${MAX_POLICY_DOCUMENT_LENGTH} characters.`);
  }

  const raw = readJson(json);
  checkElements(raw, DOCUMENT_ELEMENTS, 'Policy document');
  if (raw.Id !== undefined && typeof raw.Id !== 'string') malformed('Id must be a string.');

  const version = readVersion(raw.Version);
  const statements = readStatementList(raw.Statement).map(readStatement);
  checkSidsUnique(statements);

  const document = deepFreeze({ version, statements });
  compileAndRemember(document);
  return document;
}

function readJson(json: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    malformed('Syntax errors in policy.');
  }

  if (!isJsonObject(value)) malformed('Syntax errors in policy.');
  return value;
}

function checkElements(raw: JsonObject, allowed: ReadonlySet<string>, where: string): void {
  for (const name of Object.keys(raw)) {
    if (!allowed.has(name)) malformed(`${where} contains an unsupported element: ${name}.`);
  }
}

/** AWS treats a document without Version as 2008-10-17, where variables are plain text. */
function readVersion(version: unknown): PolicyVersion {
  if (version === undefined) return '2008-10-17';

  const known = VERSIONS.find((candidate) => candidate === version);
  if (known === undefined) {
    malformed(`Invalid Version ${JSON.stringify(version)}: use "2012-10-17" or "2008-10-17".`);
  }
  return known;
}

function readStatementList(statement: unknown): JsonObject[] {
  if (statement === undefined) malformed('Missing required field Statement');

  const list = Array.isArray(statement) ? (statement as unknown[]) : [statement];
  if (list.length === 0) malformed('Policy document must contain at least one statement.');
  if (!list.every(isJsonObject)) malformed('Each statement must be a JSON object.');
  return list;
}

function readStatement(raw: JsonObject): PolicyStatement {
  if ('Principal' in raw || 'NotPrincipal' in raw) {
    malformed('Policy document should not specify a principal.');
  }
  checkElements(raw, STATEMENT_ELEMENTS, 'Statement');

  return {
    ...(raw.Sid !== undefined && { sid: readSid(raw.Sid) }),
    effect: readEffect(raw.Effect),
    ...readActions(raw),
    ...readResources(raw),
    conditions: raw.Condition === undefined ? [] : parseConditionBlock(raw.Condition),
  };
}

function readSid(sid: unknown): string {
  if (typeof sid !== 'string' || !SID.test(sid)) {
    malformed(
      'Statement IDs (SID) must be alpha-numeric. ' +
        'Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
  }
  return sid;
}

function readEffect(effect: unknown): PolicyStatement['effect'] {
  if (effect === undefined) malformed('Missing required field Effect');
  if (effect !== 'Allow' && effect !== 'Deny') {
    malformed(`Invalid effect ${JSON.stringify(effect)}: use "Allow" or "Deny".`);
  }
  return effect;
}

function readActions(raw: JsonObject): Pick<PolicyStatement, 'actions' | 'notActions'> {
  const [negated, actions] = readPair(raw, 'Action', 'NotAction');
  if (actions === undefined) malformed('Policy statement must contain actions.');

  for (const action of actions) {
    if (action !== '*' && !ACTION.test(action)) {
      malformed('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    }
  }
  return negated ? { notActions: actions } : { actions };
}

function readResources(raw: JsonObject): Pick<PolicyStatement, 'resources' | 'notResources'> {
  const [negated, resources] = readPair(raw, 'Resource', 'NotResource');
  if (resources === undefined) malformed('Policy statement must contain resources.');

  for (const resource of resources) {
    if (!isResourcePattern(resource)) {
      malformed(`Resource ${resource} must be in ARN format or "*".`);
    }
  }
  return negated ? { notResources: resources } : { resources };
}

/**
 * "*", or an ARN: "arn:" and six colon-separated segments, fewer only when a trailing `*`
 * stands for the rest.
 */
function isResourcePattern(resource: string): boolean {
  if (resource === '*') return true;
  if (!resource.startsWith('arn:')) return false;

  return resource.split(':').length >= ARN_SEGMENTS || resource.endsWith('*');
}

/**
 * Reads an element that has a negated twin (Action/NotAction, Resource/NotResource): exactly
 * one of them, as a string or a non-empty array of strings. Returns whether it was the twin.
 */
function readPair(
  raw: JsonObject,
  name: string,
  notName: string,
): [negated: boolean, values: string[] | undefined] {
  if (raw[name] !== undefined && raw[notName] !== undefined) {
    malformed(`A statement cannot contain both ${name} and ${notName}.`);
  }

  const negated = raw[name] === undefined;
  const value = negated ? raw[notName] : raw[name];
  if (value === undefined) return [negated, undefined];

  const values = stringList(value);
  if (values === undefined) malformed(`${negated ? notName : name} must be a string or strings.`);
  return [negated, values.length > 0 ? values : undefined];
}

function checkSidsUnique(statements: readonly PolicyStatement[]): void {
  const seen = new Set<string>();

  for (const { sid } of statements) {
    if (sid === undefined || sid === '') continue;
    if (seen.has(sid)) malformed('Statement IDs (SID) in a single policy must be unique.');
    seen.add(sid);
  }
}

/** Freezes the parsed document so its cached compiled form always describes it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
