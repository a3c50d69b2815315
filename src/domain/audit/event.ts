import type { RandomSource } from '../../core/crypto/index.js';
import { rootArn } from '../arn.js';
import type { Principal } from '../principal.js';

/** A JSON value as it may appear in an event's parameters and response elements. */
export type AuditValue =
  string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

export type AuditObject = { [key: string]: AuditValue };

/** Who made the call, as CloudTrail's userIdentity block describes it. */
export interface UserIdentity {
  /** "Unknown" when the request was refused before its signer was known. */
  type: 'Root' | 'IAMUser' | 'Unknown';
  principalId?: string;
  arn?: string;
  /** Absent for an unknown caller: the account it claimed is not known either. */
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  /** Present when the call was signed with STS session credentials. */
  sessionContext?: { attributes: SessionAttributes };
}

export interface SessionAttributes {
  creationDate?: string;
  mfaAuthenticated: 'true' | 'false';
}

export type EventSource = 'iam.amazonaws.com' | 'sts.amazonaws.com' | 'signin.amazonaws.com';

/**
 * One audit event, shaped like an AWS CloudTrail record (fields in CloudTrail's order), so tools
 * that read CloudTrail read these too. It never holds a password, code, seed, secret key or
 * session token: the builders leave those fields out by name.
 */
export interface AuditEvent {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: EventSource;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: AuditObject | null;
  responseElements: AuditObject | null;
  additionalEventData?: AuditObject;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: 'AwsApiCall' | 'AwsConsoleSignIn';
  managementEvent: true;
  recipientAccountId: string;
  eventCategory: 'Management';
}

export const EVENT_VERSION = '1.09';

/** IAM, STS and sign-in are global services; CloudTrail files their events under us-east-1. */
export const EVENT_REGION = 'us-east-1';

/** User agents are client-chosen text: kept, but never long enough to bloat the trail. */
const MAX_USER_AGENT = 1024;

export function identityOf(principal: Principal): UserIdentity {
  const { accountId, accessKeyId } = principal;
  const identity: UserIdentity =
    principal.kind === 'root'
      ? { type: 'Root', principalId: accountId, arn: rootArn(accountId), accountId, accessKeyId }
      : {
          type: 'IAMUser',
          principalId: principal.userId,
          arn: principal.arn,
          accountId,
          accessKeyId,
        };
  if (principal.user) identity.userName = principal.user.userName;

  const session = principal.session;
  if (session) {
    const mfaAuthenticated = session.mfaAuthenticated ? 'true' : 'false';
    const issued = session.issuedAt;
    identity.sessionContext = {
      attributes:
        issued === undefined
          ? { mfaAuthenticated }
          : { creationDate: eventTime(issued), mfaAuthenticated },
    };
  }
  return identity;
}

/** CloudTrail's eventTime: ISO 8601 in UTC, to the second. */
export function eventTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A version 4 UUID from the injected random source, so tests get repeatable event ids. */
export function newEventId(random: RandomSource): string {
  const bytes = random(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

export function userAgentOf(agent: string | undefined): string {
  if (agent === undefined) return '';
  return agent.length > MAX_USER_AGENT ? agent.slice(0, MAX_USER_AGENT) : agent;
}

/** Whether an event records a refused or failed call. */
export function isFailure(event: AuditEvent): boolean {
  return event.errorCode !== undefined || event.errorMessage !== undefined;
}
