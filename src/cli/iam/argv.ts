import { ArgumentError } from './errors.js';
import { findOperation, type Flag, type Operation, type Service } from './operations.js';
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

/** What was asked: help (on one command, or on all), or a call. */
export type CommandLine =
  { help: true; operation?: Operation } | { help: false; invocation: Invocation };

const GLOBAL_VALUES = new Set(['endpoint-url', 'region', 'profile', 'output']);
const HELP_WORDS = new Set(['help', '--help', '-h']);

/**
 * Reads `<command> [--flag value...]` with the global options anywhere, as the AWS CLI does.
 * Each flag takes as many words as its kind does: none for a switch, one for a string or number,
 * every word up to the next `--flag` for a list; `--flag=value` keeps a value that starts with
 * dashes.
 */
export function parseCommandLine(service: Service, args: string[]): CommandLine {
  let operation: Operation | undefined;
  const given = new Map<string, string[]>();

  for (let i = 0; i < args.length;) {
    const word = args[i++]!;
    if (HELP_WORDS.has(word)) return { help: true, operation };

    if (!word.startsWith('--')) {
      if (operation) throw new ArgumentError(`Unknown options: ${word}`);
      operation = findOperation(service, word);
      if (!operation) throw new ArgumentError(unknownCommand(service, word));
      continue;
    }

    const { name, inline } = splitFlag(word);
    const take = wordsTaken(name, operation);
    if (inline !== undefined && take === 0) throw new ArgumentError(`--${name} takes no value`);
    if (given.has(name)) throw new ArgumentError(`--${name} is given more than once`);

    const words = inline !== undefined ? [inline] : takeWords(args, i, take, name);
    given.set(name, words);
    if (inline === undefined) i += words.length;
  }

  if (!operation) {
    throw new ArgumentError(`a command is required; "tessera ${service.name} help" lists them`);
  }
  return { help: false, invocation: invocationOf(operation, given) };
}

function unknownCommand(service: Service, word: string): string {
  return `Invalid choice: '${word}'; "tessera ${service.name} help" lists the commands`;
}

function splitFlag(word: string): { name: string; inline?: string } {
  const eq = word.indexOf('=');
  if (eq < 0) return { name: word.slice(2) };
  return { name: word.slice(2, eq), inline: word.slice(eq + 1) };
}

/** How many words a flag takes: 0, 1, or Infinity for "until the next flag". */
function wordsTaken(name: string, operation: Operation | undefined): number {
  if (GLOBAL_VALUES.has(name)) return 1;
  if (name === 'no-paginate') return 0;

  const flag = operation ? flagNamed(operation, name) : undefined;
  if (!flag) {
    const hint = operation ? '' : ' (the command comes before its flags)';
    throw new ArgumentError(`Unknown options: --${name}${hint}`);
  }
  if (flag.kind === 'boolean') return 0;
  return flag.kind === 'tags' || flag.kind === 'strings' ? Infinity : 1;
}

function takeWords(args: string[], from: number, take: number, name: string): string[] {
  const words: string[] = [];
  for (let i = from; i < args.length && words.length < take; i++) {
    if (args[i]!.startsWith('--')) break;
    words.push(args[i]!);
  }

  if (take > 0 && words.length === 0) throw new ArgumentError(`--${name} expects a value`);
  return words;
}

/** A flag of the operation by name; a switch also answers to `--no-<name>`. */
function flagNamed(operation: Operation, name: string): Flag | undefined {
  const exact = operation.flags.find((f) => f.flag === name);
  if (exact) return exact;

  const negated = name.startsWith('no-') ? name.slice(3) : undefined;
  return operation.flags.find((f) => f.flag === negated && f.kind === 'boolean');
}

function invocationOf(operation: Operation, given: Map<string, string[]>): Invocation {
  const globals = globalsOf(given);
  const params = new Map<string, Value>();
  const options = new Map<string, Value>();

  for (const [name, words] of given) {
    if (GLOBAL_VALUES.has(name) || name === 'no-paginate') continue;
    const flag = flagNamed(operation, name)!;
    const into = flag.param ? params : options;
    const key = flag.param ?? flag.flag;
    // `--x` and `--no-x` are two spellings of one switch.
    if (into.has(key)) throw new ArgumentError(`--${flag.flag} is given more than once`);
    into.set(key, valueOf(flag, name, words));
  }

  const missing = operation.flags.filter((f) => f.required && !given.has(f.flag));
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
