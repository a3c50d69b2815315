/** A command-line mistake: printed as one line with a hint, exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: tessera <command> [options]

Commands:
  serve   [--host 127.0.0.1] [--port 4599] [--data ./.tessera] [--account-id ID]
          [--database postgres://...] [--issuer Tessera]
  init    --data DIR [--account-id ID]     create the account and print root credentials
  totp    --seed BASE32 [--time UNIX]      print the current code for a seed
  root-password --data DIR                 set the root user's console password (from
                                           TESSERA_ROOT_PASSWORD or standard input)
  migrate [--database URL | --data DIR]    apply database migrations, then exit
  export  [--data DIR | --database URL]    write the whole database as JSON to standard output
  import  --database URL                   fill a new database from \`tessera export\` on stdin
                                           (needs the master key the export was sealed with)
  audit   --data DIR [--since ISO] [--user NAME] [--event NAME] [--failed]
          [--format json|table] [--limit 1000]  print the audit trail, oldest first
  backup  <file> [--data DIR]              copy the SQLite database, safely while serving
  iam     <command> [--flags]              call the IAM API like the AWS CLI ("iam help")
  sts     <command> [--flags]              call the STS API like the AWS CLI ("sts help")

Settings also come from TESSERA_HOST, TESSERA_PORT, TESSERA_DATA, TESSERA_ACCOUNT_ID,
TESSERA_DATABASE, TESSERA_MASTER_KEY (base64 of 32 bytes) and TESSERA_ISSUER. Serve with
--tls-cert FILE --tls-key FILE for HTTPS; TESSERA_METRICS_TOKEN lets clients other than
loopback read /metrics (with "Authorization: Bearer <token>"). On PostgreSQL,
--db-pool-size (TESSERA_DB_POOL_SIZE, default 10) and --db-statement-timeout-ms
(TESSERA_DB_STATEMENT_TIMEOUT_MS, default 5000) tune each instance's connections.
`;
