import {
  EVENT_REGION,
  EVENT_VERSION,
  eventTime,
  identityOf,
  newEventId,
  userAgentOf,
  type AuditEvent,
  type AuditObject,
  type UserIdentity,
} from '../../domain/audit/event.js';
import type { Deps } from '../../domain/context.js';
import type { Principal } from '../../domain/principal.js';
import type { XmlValue } from '../xml.js';
import { requestParameters } from './request-parameters.js';
import { responseElements } from './response-elements.js';

/** One Query API call, as far as it got, for its audit event. */
export interface ApiCall {
  requestId: string;
  service: 'iam' | 'sts';
  /** A known operation's name: requests naming none are not API calls and get no event. */
  action: string;
  principal?: Principal;
  /** The access key id a refused request was signed with, when it looked like one. */
  claimedAccessKeyId?: string;
  params: Map<string, string>;
  sourceIp: string;
  userAgent: string | undefined;
  result?: XmlValue;
  error?: { code: string; message: string };
}

/** Read-only calls whose response still matters to an auditor: they hand out credentials. */
const ISSUES_CREDENTIALS = new Set(['GetSessionToken']);

// A signed caller's parameters may carry a whole policy document (131,072 characters); a refused
// stranger's are kept small, so anonymous traffic cannot fill the trail quickly.
const MAX_PARAMETERS_SIGNED = 256 * 1024;
const MAX_PARAMETERS_UNSIGNED = 8 * 1024;
const MAX_RESPONSE = 64 * 1024;
const MAX_ERROR_MESSAGE = 4 * 1024;

/** CloudTrail's readOnly: the call only reads (GetSessionToken too, though it stores a session). */
function isReadOnly(action: string): boolean {
  return /^(Get|List)/.test(action);
}

/**
 * Whether the call can have changed nothing, refused or not: read-only, and not one that issues
 * credentials (GetSessionToken stores a session and may spend an MFA attempt).
 */
export function changesNothing(action: string): boolean {
  return isReadOnly(action) && !ISSUES_CREDENTIALS.has(action);
}

export function apiCallEvent(deps: Deps, call: ApiCall, now: number): AuditEvent {
  const readOnly = isReadOnly(call.action);
  const omitted: AuditObject = {};
  const parameterLimit = call.principal ? MAX_PARAMETERS_SIGNED : MAX_PARAMETERS_UNSIGNED;
  const parameters = within(requestParameters(call.params), parameterLimit);
  if (parameters === null) omitted.requestParametersOmitted = true;

  const keepsResponse = !call.error && (!readOnly || ISSUES_CREDENTIALS.has(call.action));
  const response = keepsResponse ? within(responseElements(call.result), MAX_RESPONSE) : null;
  if (keepsResponse && call.result !== undefined && response === null) {
    omitted.responseElementsOmitted = true;
  }

  return {
    eventVersion: EVENT_VERSION,
    userIdentity: call.principal ? identityOf(call.principal) : unknownCaller(call),
    eventTime: eventTime(now),
    eventSource: `${call.service}.amazonaws.com`,
    eventName: call.action,
    awsRegion: EVENT_REGION,
    sourceIPAddress: call.sourceIp,
    userAgent: userAgentOf(call.userAgent),
    ...(call.error ? { errorCode: call.error.code, errorMessage: clip(call.error.message) } : {}),
    requestParameters: parameters,
    responseElements: response,
    ...(Object.keys(omitted).length > 0 ? { additionalEventData: omitted } : {}),
    requestID: call.requestId,
    eventID: newEventId(deps.random),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: deps.settings.accountId,
    eventCategory: 'Management',
  };
}

function unknownCaller(call: ApiCall): UserIdentity {
  return call.claimedAccessKeyId === undefined
    ? { type: 'Unknown' }
    : { type: 'Unknown', accessKeyId: call.claimedAccessKeyId };
}

function within(value: AuditObject | null, limit: number): AuditObject | null {
  return value !== null && JSON.stringify(value).length <= limit ? value : null;
}

/** Validation messages echo parameters; a thousand of them must not make a megabyte event. */
function clip(message: string): string {
  return message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE)}...` : message;
}
