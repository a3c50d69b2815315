import { rootArn, userArn } from '../arn.js';
import type { Deps } from '../context.js';
import type { User } from '../types.js';
import {
  EVENT_REGION,
  EVENT_VERSION,
  eventTime,
  newEventId,
  userAgentOf,
  type AuditEvent,
  type UserIdentity,
} from './event.js';

export interface ConsoleLoginInput {
  /** The user who tried to sign in: null for the root user, undefined when no user matched. */
  user: User | null | undefined;
  success: boolean;
  /** Whether a code from an MFA device was asked for (and, on success, given). */
  mfaUsed: boolean;
  sourceIp: string;
  userAgent: string | undefined;
  requestId?: string;
}

/**
 * Records a console sign-in attempt as CloudTrail's ConsoleLogin event. Call it with the store of
 * the transaction that opens the session, so the session and its event commit together. A name
 * that matched no user is not recorded: people type passwords into the name field.
 */
export async function recordConsoleLogin(deps: Deps, input: ConsoleLoginInput): Promise<void> {
  const now = deps.clock();
  await deps.store.audit.insert(consoleLoginEvent(deps, input, now), now);
}

export function consoleLoginEvent(deps: Deps, input: ConsoleLoginInput, now: number): AuditEvent {
  const { accountId } = deps.settings;
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: signInIdentity(accountId, input.user),
    eventTime: eventTime(now),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: EVENT_REGION,
    sourceIPAddress: input.sourceIp,
    userAgent: userAgentOf(input.userAgent),
    ...(input.success ? {} : { errorMessage: 'Failed authentication' }),
    requestParameters: null,
    responseElements: { ConsoleLogin: input.success ? 'Success' : 'Failure' },
    additionalEventData: { MobileVersion: 'No', MFAUsed: input.mfaUsed ? 'Yes' : 'No' },
    requestID: input.requestId ?? newEventId(deps.random),
    eventID: newEventId(deps.random),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  };
}

function signInIdentity(accountId: string, user: User | null | undefined): UserIdentity {
  if (user === null) {
    return { type: 'Root', principalId: accountId, arn: rootArn(accountId), accountId };
  }
  if (user === undefined) {
    return { type: 'IAMUser', accountId, userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' };
  }
  return {
    type: 'IAMUser',
    principalId: user.userId,
    arn: userArn(accountId, user.path, user.userName),
    accountId,
    userName: user.userName,
  };
}
