import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

import { ArgumentError } from './errors.js';
import type { Globals } from './invocation.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Identity {
  credentials: Credentials;
  region: string;
}

type Profile = Record<string, string | undefined>;

/** IAM and STS are global services; the region only names the signing scope. */
const DEFAULT_REGION = 'us-east-1';

/**
 * Credentials and region in the AWS CLI's order: an explicit `--profile` wins over everything;
 * otherwise the AWS_* variables, then the AWS_PROFILE (or `default`) profile of
 * ~/.aws/credentials and ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE).
 */
export async function resolveIdentity(globals: Globals, env = process.env): Promise<Identity> {
  const fromEnv = globals.profile === undefined ? environmentCredentials(env) : undefined;
  const named = globals.profile ?? env.AWS_PROFILE;
  const profile = await loadProfile(named ?? 'default', named !== undefined);

  const credentials = fromEnv ?? profileCredentials(profile);
  if (!credentials) {
    throw new ArgumentError(
      'Unable to locate credentials. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ' +
        'or give a profile with aws_access_key_id and aws_secret_access_key.',
    );
  }

  const region =
    globals.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? profile?.region ?? DEFAULT_REGION;
  return { credentials, region };
}

function environmentCredentials(env: NodeJS.ProcessEnv): Credentials | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;

  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The profile from both files, the credentials file's keys winning; a named one must exist. */
async function loadProfile(name: string, mustExist: boolean): Promise<Profile | undefined> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const config = configFile[name];
  const credentials = credentialsFile[name];

  if (!config && !credentials) {
    if (mustExist) throw new ArgumentError(`The config profile (${name}) could not be found`);
    return undefined;
  }
  return { ...config, ...credentials };
}

function profileCredentials(profile: Profile | undefined): Credentials | undefined {
  const accessKeyId = profile?.aws_access_key_id;
  const secretAccessKey = profile?.aws_secret_access_key;
  if (!accessKeyId || !secretAccessKey) return undefined;

  const sessionToken = profile.aws_session_token || undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
