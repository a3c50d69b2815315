import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

import { actionNames } from '../../src/api/actions.js';
import type { Caller } from './query.js';
import { formOf } from './query.js';

/** A small, fast, seedable generator (sfc32), so a failing run can be replayed exactly. */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(size: number): Buffer {
    const out = Buffer.alloc(size);
    for (let i = 0; i < size; i++) out[i] = this.int(256);
    return out;
  }

  ascii(size: number, from = 0x21, to = 0x7e): string {
    let out = '';
    for (let i = 0; i < size; i++) out += String.fromCharCode(from + this.int(to - from + 1));
    return out;
  }
}

/** One request as it goes on the wire: always to "/", so only the Query API answers. */
export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  query: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Whether it may change data when it succeeds (a signed call of a mutating action). */
  mayChange: boolean;
}

export interface FuzzTarget {
  host: string;
  root: Caller;
  /** Names and serials that exist, so random calls sometimes reach real rows. */
  known: string[];
}

const ACTIONS = [...actionNames('iam'), ...actionNames('sts')];
const READ_ONLY = ACTIONS.filter((name) => /^(Get|List)/.test(name));
const MUTATING = ACTIONS.filter((name) => !/^(Get|List)/.test(name));

const PARAMETERS = [
  'UserName',
  'NewUserName',
  'Path',
  'NewPath',
  'PathPrefix',
  'Marker',
  'MaxItems',
  'SerialNumber',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'VirtualMFADeviceName',
  'AccessKeyId',
  'Status',
  'Password',
  'PasswordResetRequired',
  'DurationSeconds',
  'TokenCode',
  'AssignmentStatus',
  'PolicyArn',
  'PolicyName',
  'PolicyDocument',
  'VersionId',
  'SetAsDefault',
  'GroupName',
  'Scope',
  'OnlyAttached',
  'Description',
  'Tags.member.1.Key',
  'Tags.member.1.Value',
  'TagKeys.member.1',
  'PolicyArns.member.1',
];

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

export class FuzzRequests {
  constructor(
    private readonly rng: Rng,
    private readonly target: FuzzTarget,
  ) {}

  /** A request that must not change any data, whatever it is. */
  async harmless(): Promise<FuzzRequest> {
    const makers: Array<() => FuzzRequest | Promise<FuzzRequest>> = [
      () => this.#garbageBody(),
      () => this.#badPercentEncoding(),
      () => this.#invalidUtf8(),
      () => this.#manyMembers(),
      () => this.#deepMembers(),
      () => this.#duplicated(),
      () => this.#randomNames(),
      () => this.#randomAuthorization(),
      () => this.#unknownKey(),
      () => this.#tampered(),
      () => this.#signed(this.rng.pick(READ_ONLY), false),
      () => this.#signed(this.rng.pick(READ_ONLY), false),
    ];
    // Huge bodies cost a few megabytes each to send: one request in a hundred is one.
    if (this.rng.int(100) === 0) return this.#huge();
    return this.rng.pick(makers)();
  }

  /** A properly signed call of any operation with random values: it may succeed and change. */
  async anything(): Promise<FuzzRequest> {
    return this.#signed(this.rng.pick(ACTIONS), true);
  }

  #post(kind: string, body: Buffer | string, headers: Record<string, string> = {}): FuzzRequest {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    return {
      kind,
      method: 'POST',
      query: '',
      headers: { 'content-type': FORM, ...headers },
      body: bytes,
      mayChange: false,
    };
  }

  #garbageBody(): FuzzRequest {
    return this.#post('garbage', this.rng.bytes(this.rng.int(4096)));
  }

  #badPercentEncoding(): FuzzRequest {
    const bad = this.rng.pick(['%', '%G1', '%e0%a4', '%zz', '%%', '%C0%AF', '%ED%A0%80', '%F8']);
    const body = `Action=${this.rng.pick(ACTIONS)}&UserName=a${bad}b&Version=2010-05-08`;
    if (this.rng.int(2) === 0) return this.#post('bad-encoding', body);
    return { ...this.#post('bad-encoding-query', ''), method: 'GET', query: body };
  }

  #invalidUtf8(): FuzzRequest {
    const head = Buffer.from(`Action=${this.rng.pick(ACTIONS)}&UserName=`);
    const tail = this.rng.pick([
      [0xff],
      [0xc3, 0x28],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98],
      [0xed, 0xa0, 0x80],
    ]);
    return this.#post('invalid-utf8', Buffer.concat([head, Buffer.from(tail)]));
  }

  #manyMembers(): FuzzRequest {
    const count = 500 + this.rng.int(2500);
    const parts = [`Action=${this.rng.pick(ACTIONS)}`, 'Version=2010-05-08'];
    for (let n = 1; n <= count; n++) parts.push(`Tags.member.${n}.Key=k${n}`);
    return this.#post('many-members', parts.join('&'));
  }

  #deepMembers(): FuzzRequest {
    const depth = 1 + this.rng.int(5000);
    const name = `Tags${'.member.1'.repeat(depth)}`;
    return this.#post('deep-members', `Action=${this.rng.pick(ACTIONS)}&${name}=x`);
  }

  #duplicated(): FuzzRequest {
    const name = this.rng.pick(['Action', 'UserName', 'Version', 'X-Amz-Date']);
    return this.#post('duplicated', `Action=ListUsers&${name}=a&${name}=b`);
  }

  #randomNames(): FuzzRequest {
    const pairs = Array.from({ length: this.rng.int(20) }, () => {
      const name =
        this.rng.int(3) === 0 ? this.rng.pick(PARAMETERS) : this.rng.ascii(1 + this.rng.int(40));
      return `${encodeURIComponent(name)}=${encodeURIComponent(this.#value())}`;
    });
    const action =
      this.rng.int(2) === 0 ? this.rng.pick(ACTIONS) : this.rng.ascii(this.rng.int(30));
    return this.#post('random-names', [`Action=${encodeURIComponent(action)}`, ...pairs].join('&'));
  }

  #randomAuthorization(): FuzzRequest {
    let authorization = this.rng.bytes(1 + this.rng.int(300)).toString('latin1');
    authorization = authorization.replace(/[^\t\x20-\x7e\x80-\xff]/g, ' ');
    if (this.rng.int(2) === 0) authorization = `AWS4-HMAC-SHA256 ${authorization}`;
    return this.#post('random-authorization', `Action=${this.rng.pick(ACTIONS)}`, {
      authorization,
      'x-amz-date': this.rng.pick(['20260101T000000Z', 'yesterday', '']),
    });
  }

  async #unknownKey(): Promise<FuzzRequest> {
    const stranger = {
      accessKeyId: `AKIA${this.rng.ascii(16, 0x41, 0x5a)}`,
      secretAccessKey: 'x'.repeat(40),
    };
    const request = await this.#sign(this.rng.pick(ACTIONS), this.#parameters(), stranger);
    return { ...request, kind: 'unknown-key' };
  }

  /** A mutating call signed by root, then changed by one byte: the signature no longer holds. */
  async #tampered(): Promise<FuzzRequest> {
    const request = await this.#sign(this.rng.pick(MUTATING), this.#parameters(), this.target.root);
    const body = Buffer.concat([request.body, Buffer.from('&Extra=1')]);
    return { ...request, kind: 'tampered', body, mayChange: false };
  }

  async #signed(action: string, mayChange: boolean): Promise<FuzzRequest> {
    const request = await this.#sign(action, this.#parameters(), this.target.root);
    return { ...request, kind: mayChange ? 'signed' : 'signed-read-only', mayChange };
  }

  #huge(): FuzzRequest {
    const size = 1024 * 1024 + 1 + this.rng.int(2 * 1024 * 1024);
    return this.#post('huge', Buffer.alloc(size, 'a'));
  }

  #parameters(): Record<string, string> {
    const params: Record<string, string> = {};
    const count = this.rng.int(6);
    for (let i = 0; i < count; i++) params[this.rng.pick(PARAMETERS)] = this.#value();
    return params;
  }

  /** Values that reach validation's edges: real names, empties, extremes, odd text and JSON. */
  #value(): string {
    const { rng } = this;
    switch (rng.int(12)) {
      case 0:
        return rng.pick(this.target.known);
      case 1:
        return '';
      case 2:
        return rng.pick(['0', '-1', '1000', '900', '129600', '99999999999999999999', 'NaN', '1e3']);
      case 3:
        return rng.pick(['true', 'false', 'TRUE', 'Assigned', 'Any', 'Active', 'Local', 'AWS']);
      case 4:
        return rng.ascii(rng.int(300));
      case 5:
        return rng.ascii(1000 + rng.int(20_000));
      case 6:
        return String.fromCodePoint(
          ...Array.from({ length: 1 + rng.int(20) }, () =>
            rng.pick([0x0, 0x7f, 0xe9, 0x2028, 0xfeff, 0xffff, 0x1f600]),
          ),
        );
      case 7:
        return `/${rng.ascii(rng.int(20))}/`;
      case 8:
        return '['.repeat(rng.int(20_000)) + ']'.repeat(rng.int(20_000));
      case 9:
        return JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: rng.pick(['Allow', 'Deny', 'x']), Action: rng.ascii(10), Resource: '*' },
          ],
        });
      case 10:
        return String(rng.int(1_000_000)).padStart(6, '0');
      default:
        return `arn:aws:iam::123456789012:${rng.pick(['user', 'mfa', 'policy'])}/${rng.ascii(8)}`;
    }
  }

  async #sign(
    action: string,
    params: Record<string, string>,
    caller: Caller,
  ): Promise<FuzzRequest> {
    const service = action === 'GetSessionToken' || action === 'GetCallerIdentity' ? 'sts' : 'iam';
    const version = service === 'sts' ? '2011-06-15' : '2010-05-08';
    const body = formOf({ Action: action, Version: version, ...params });
    const signer = new SignatureV4({
      credentials: caller,
      region: 'us-east-1',
      service,
      sha256: Hash.bind(null, 'sha256'),
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: '/',
      headers: { host: this.target.host, 'content-type': FORM },
      body,
    });
    return {
      kind: 'signed',
      method: 'POST',
      query: '',
      headers: signed.headers,
      body: Buffer.from(body),
      mayChange: MUTATING.includes(action),
    };
  }
}
