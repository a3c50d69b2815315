import { ArgumentError } from './errors.js';
import { findFlag, type Flag, type Operation } from './operations.js';
import { expandParamFile } from './paramfile.js';
import { parseStrings, parseTags, type Tag } from './shorthand.js';

export type Value = string | number | boolean | string[] | Tag[];

/** The AWS CLI's global options that this client honours. */
export interface Globals {
  endpointUrl?: string;
  region?: string;
  profile?: string;
  output: 'json';
  paginate: boolean;
}

export interface Invocation {
  operation: Operation;
  /** Wire parameters by their AWS names. */
  params: Map<string, Value>;
  /** The CLI's own options (`outfile`, `starting-token`...) by flag name. */
  options: Map<string, Value>;
  globals: Globals;
}

/** The global options that take a value; `--no-paginate` is the one switch. */
export const GLOBAL_VALUES = new Set(['endpoint-url', 'region', 'profile', 'output']);

/**
 * A call from the words given to each flag (as argv.ts split them): typed by the flag's kind,
 * `file://` expanded, required flags checked.
 */
export function invocationOf(operation: Operation, given: Map<string, string[]>): Invocation {
  const globals = globalsOf(given);
  const params = new Map<string, Value>();
  const options = new Map<string, Value>();

  for (const [name, words] of given) {
    if (GLOBAL_VALUES.has(name) || name === 'no-paginate') continue;
    const flag = findFlag(operation, name)!;
    const into = flag.param ? params : options;
    const key = flag.param ?? flag.flag;
    // `--x` and `--no-x` are two spellings of one switch.
    if (into.has(key)) throw new ArgumentError(`--${flag.flag} is given more than once`);

    const values = flag.param ? words.map((word) => expandParamFile(flag.flag, word)) : words;
    into.set(key, valueOf(flag, name, values));
  }

  const missing = operation.flags.filter(
    (f) => f.required && !(f.param ? params.has(f.param) : options.has(f.flag)),
  );
  if (missing.length > 0) {
    const names = missing.map((f) => `--${f.flag}`).join(', ');
    throw new ArgumentError(`the following arguments are required: ${names}`);
  }
  return { operation, params, options, globals };
}

function valueOf(flag: Flag, name: string, words: string[]): Value {
  switch (flag.kind) {
    case 'boolean':
      return name === flag.flag;
    case 'integer':
      return integerOf(flag.flag, words[0]!);
    case 'tags':
      return parseTags(flag.flag, words);
    case 'strings':
      return parseStrings(flag.flag, words);
    case 'string':
      return stringOf(flag, words[0]!);
  }
}

function stringOf(flag: Flag, word: string): string {
  if (flag.choices && !flag.choices.includes(word)) {
    throw new ArgumentError(`--${flag.flag} must be one of: ${flag.choices.join(', ')}`);
  }
  return word;
}

function integerOf(flag: string, word: string): number {
  // The value is not echoed: some integer flags sit beside secrets on the same command line.
  if (!/^-?\d{1,15}$/.test(word)) throw new ArgumentError(`--${flag} expects an integer`);
  return Number(word);
}

function globalsOf(given: Map<string, string[]>): Globals {
  const output = given.get('output')?.[0] ?? 'json';
  if (output !== 'json') throw new ArgumentError('--output: only json is supported');

  return {
    endpointUrl: given.get('endpoint-url')?.[0],
    region: given.get('region')?.[0],
    profile: given.get('profile')?.[0],
    output,
    paginate: !given.has('no-paginate'),
  };
}
