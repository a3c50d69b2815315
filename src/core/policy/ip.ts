import { BlockList, isIP } from 'node:net';

import { malformed } from './errors.js';

const PREFIX_LENGTH = /^\d{1,3}$/;

/**
 * Compiles an IpAddress/NotIpAddress value, an IPv4 or IPv6 address with an optional CIDR
 * prefix length, into a test for the request's address. Node's BlockList does the bit
 * arithmetic; the policy value is checked here first so a bad one is a policy error.
 */
export function compileIpRange(value: string): (address: string) => boolean {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  const maxPrefix = family === 6 ? 128 : 32;
  const length = prefix === undefined ? maxPrefix : Number(prefix);

  const validPrefix = prefix === undefined || (PREFIX_LENGTH.test(prefix) && length <= maxPrefix);
  if (family === 0 || address.includes('%') || extra !== undefined || !validPrefix) {
    malformed(`Invalid IP address or CIDR block "${value}" in condition.`);
  }

  const range = new BlockList();
  range.addSubnet(address, length, family === 6 ? 'ipv6' : 'ipv4');

  return (candidate) => {
    const candidateFamily = isIP(candidate);
    if (candidateFamily === 0 || candidate.includes('%')) return false;
    return range.check(candidate, candidateFamily === 6 ? 'ipv6' : 'ipv4');
  };
}
