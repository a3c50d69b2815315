/** A command-line mistake: printed as one line with a hint, exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: tessera <command> [options]

Commands:
  serve   [--host 127.0.0.1] [--port 4599] [--data ./.tessera] [--account-id ID]
          [--database postgres://...] [--issuer Tessera]
  init    --data DIR [--account-id ID]     create the account and print root credentials
  totp    --seed BASE32 [--time UNIX]      print the current code for a seed
  iam     <command> [--flags]              call the IAM API like the AWS CLI ("iam help")
  sts     <command> [--flags]              call the STS API like the AWS CLI ("sts help")

Settings also come from TESSERA_HOST, TESSERA_PORT, TESSERA_DATA, TESSERA_ACCOUNT_ID,
TESSERA_DATABASE, TESSERA_MASTER_KEY (base64 of 32 bytes) and TESSERA_ISSUER.
`;
