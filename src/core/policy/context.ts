import type { ContextValue } from './types.js';

/** Where policy variables such as ${aws:username} get their values. */
export interface VariableSource {
  /** The single value of a key, given its lower-cased name; undefined when there is none. */
  variable(lowerKey: string): string | undefined;
}

/**
 * The request context keys of one evaluation. AWS compares condition key names without regard
 * to case, so the keys are indexed by lower-cased name, once, on first use.
 */
export class ContextKeys implements VariableSource {
  private index: Map<string, readonly string[]> | undefined;

  constructor(private readonly keys: Readonly<Record<string, ContextValue | undefined>>) {}

  /** Every value of a key; undefined when the key is absent or holds an empty list. */
  values(lowerKey: string): readonly string[] | undefined {
    this.index ??= indexKeys(this.keys);
    return this.index.get(lowerKey);
  }

  variable(lowerKey: string): string | undefined {
    const values = this.values(lowerKey);

    // A variable stands for one string: a multivalued key has no single expansion.
    return values?.length === 1 ? values[0] : undefined;
  }
}

function indexKeys(
  keys: Readonly<Record<string, ContextValue | undefined>>,
): Map<string, readonly string[]> {
  const index = new Map<string, readonly string[]>();

  for (const [name, value] of Object.entries(keys)) {
    const values = typeof value === 'string' ? [value] : value;
    const lowerName = name.toLowerCase();
    if (values === undefined || values.length === 0 || index.has(lowerName)) continue;
    index.set(lowerName, values);
  }

  return index;
}
