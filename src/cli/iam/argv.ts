import { ArgumentError } from './errors.js';
import { GLOBAL_VALUES, invocationOf, type Invocation } from './invocation.js';
import { findFlag, findOperation, type Operation, type Service } from './operations.js';

/** What was asked: help (on one command, or on all), or a call. */
export type CommandLine =
  { help: true; operation?: Operation } | { help: false; invocation: Invocation };

const HELP_WORDS = new Set(['help', '--help', '-h']);

/**
 * Reads `<command> [--flag value...]` with the global options anywhere, as the AWS CLI does.
 * Each flag takes as many words as its kind does: none for a switch, one for a string or number,
 * every word up to the next `--flag` for a list; `--flag=value` keeps a value that starts with
 * dashes.
 */
export function parseCommandLine(service: Service, args: string[]): CommandLine {
  let operation: Operation | undefined;
  let last = '';
  const given = new Map<string, string[]>();

  for (let i = 0; i < args.length;) {
    const word = args[i++]!;
    if (HELP_WORDS.has(word)) return { help: true, operation };

    if (!word.startsWith('--')) {
      if (operation) throw new ArgumentError(strayValue(last || operation.command));
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
    last = `--${name}`;
    if (inline === undefined) i += words.length;
  }

  if (!operation) {
    throw new ArgumentError(`a command is required; "tessera ${service.name} help" lists them`);
  }
  return { help: false, invocation: invocationOf(operation, given) };
}

/** Not echoed: a value that missed its flag may well be a password or a code. */
function strayValue(after: string): string {
  return `Unknown options: a value with no flag of its own, after ${after}`;
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

  const flag = operation ? findFlag(operation, name) : undefined;
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
