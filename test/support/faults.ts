import type { Store } from '../../src/storage/index.js';

/** Store methods, as "repo.method", that throw while armed; `after` ones run first, then throw. */
export interface Faults {
  before: Set<string>;
  after: Set<string>;
  /** How many more times an armed method throws before disarming itself. */
  times: number;
}

export function noFaults(): Faults {
  return { before: new Set(), after: new Set(), times: 0 };
}

export class InjectedFault extends Error {
  constructor(method: string) {
    super(`injected fault in ${method}`);
  }
}

/**
 * The store with faults injected into chosen methods, in every transaction it opens too, for
 * tests of what a failure halfway through a request leaves behind.
 */
export function withFaults(store: Store, faults: Faults): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'transaction') {
        return <T>(work: (inner: Store) => Promise<T>): Promise<T> =>
          target.transaction((inner) => work(withFaults(inner, faults)));
      }
      if (typeof value === 'function') return value.bind(target);
      if (typeof prop !== 'string' || typeof value !== 'object' || value === null) return value;
      return repoWithFaults(prop, value, faults);
    },
  });
}

function repoWithFaults(repo: string, target: object, faults: Faults): object {
  return new Proxy(target, {
    get(inner, prop, receiver) {
      const value: unknown = Reflect.get(inner, prop, receiver);
      if (typeof value !== 'function') return value;

      const name = `${repo}.${String(prop)}`;
      return async (...args: unknown[]): Promise<unknown> => {
        const armed = faults.times > 0;
        if (armed && faults.before.has(name)) {
          faults.times -= 1;
          throw new InjectedFault(name);
        }
        const result: unknown = await value.apply(inner, args);
        if (armed && faults.after.has(name)) {
          faults.times -= 1;
          throw new InjectedFault(name);
        }
        return result;
      };
    },
  });
}
