/** ARNs and serial numbers, built in one place so every door names things the same way. */
export function userArn(accountId: string, path: string, userName: string): string {
  return `arn:aws:iam::${accountId}:user${path}${userName}`;
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function mfaSerial(accountId: string, path: string, deviceName: string): string {
  return `arn:aws:iam::${accountId}:mfa${path}${deviceName}`;
}

/** Customer-managed policies; AWS-managed ones use the account "aws". */
export function policyArn(accountId: string, path: string, policyName: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${policyName}`;
}

export function groupArn(accountId: string, path: string, groupName: string): string {
  return `arn:aws:iam::${accountId}:group${path}${groupName}`;
}
