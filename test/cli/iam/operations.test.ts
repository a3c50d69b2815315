import { describe, expect, it } from 'vitest';

import { actionNames, findAction } from '../../../src/api/actions.js';
import type { ActionContext } from '../../../src/api/action.js';
import type { Params } from '../../../src/api/params.js';
import type { ParamKind } from '../../../src/cli/iam/operations.js';
import { SERVICES } from '../../../src/cli/iam/operations.js';

interface Read {
  kind: ParamKind;
  required: boolean;
}

/**
 * A stand-in for the server's Params that records what an action's `read` asks for, so the CLI's
 * table can be held against the parameters the server really reads.
 */
function recordReads(service: 'iam' | 'sts', name: string): Map<string, Read> {
  const reads = new Map<string, Read>();
  const note = (param: string, kind: ParamKind, required = false): undefined => {
    reads.set(param, { kind, required });
    return undefined;
  };
  const recorder = {
    string: (param: string) => note(param, 'string'),
    required: (param: string) => (note(param, 'string', true), ''),
    integer: (param: string) => note(param, 'integer'),
    boolean: (param: string) => note(param, 'boolean'),
    list: (param: string) => (note(param, 'strings'), []),
    tags: (param = 'Tags') => (note(param, 'tags'), []),
    page: () => (note('Marker', 'string'), note('MaxItems', 'integer'), { maxItems: 100 }),
    done: () => undefined,
  };
  const ctx = { principal: { kind: 'root' } } as unknown as ActionContext;

  findAction(service, name)!.read(recorder as unknown as Params, ctx);
  return reads;
}

describe('the operations table', () => {
  it('has a command for every operation the server registers, and no other', () => {
    for (const service of ['iam', 'sts'] as const) {
      const table = SERVICES[service].operations.map((op) => op.name).sort();
      expect(table).toEqual(actionNames(service).sort());
    }
  });

  it("names each operation's parameters and kinds as the server's action reads them", () => {
    for (const service of Object.values(SERVICES)) {
      for (const op of service.operations) {
        const reads = recordReads(service.name, op.name);
        const params = op.flags.filter((f) => f.param !== undefined);
        const kinds = Object.fromEntries(params.map((f) => [f.param, f.kind]));
        const expected = Object.fromEntries([...reads].map(([name, read]) => [name, read.kind]));
        expect(kinds, op.name).toEqual(expected);
      }
    }
  });

  it('requires a string flag only where the server requires the parameter too', () => {
    // Lists are left out: the server reads an absent list as empty, where AWS requires one.
    for (const service of Object.values(SERVICES)) {
      for (const op of service.operations) {
        const reads = recordReads(service.name, op.name);
        for (const flag of op.flags.filter((f) => f.param && f.required && f.kind === 'string')) {
          expect(reads.get(flag.param!)?.required, `${op.name} ${flag.param}`).toBe(true);
        }
      }
    }
  });

  it('pages exactly the operations that take Marker and MaxItems', () => {
    for (const op of SERVICES.iam.operations) {
      const params = op.flags.map((f) => f.param);
      const paged = params.includes('Marker') && params.includes('MaxItems');
      expect(op.pages !== undefined, op.name).toBe(paged);
    }
  });
});
