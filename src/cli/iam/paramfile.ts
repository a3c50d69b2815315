import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { ArgumentError } from './errors.js';

const PREFIX = 'file://';

/**
 * `file://path` stands for the file's text, as in the AWS CLI: how policy documents are given,
 * and a way to keep a password out of the shell's history. The text is used as it is.
 */
export function expandParamFile(flag: string, word: string): string {
  if (!word.startsWith(PREFIX)) return word;

  const given = word.slice(PREFIX.length);
  const path = given.startsWith('~/') ? join(homedir(), given.slice(2)) : given;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ArgumentError(`--${flag}: unable to read ${word}`);
  }
}
