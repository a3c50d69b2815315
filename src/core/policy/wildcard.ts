import type { VariableSource } from './context.js';
import { expandVariable, type Template, type TemplatePart } from './variables.js';

/**
 * How `*` and `?` behave. Action names ignore case. In an ARN a wildcard stays inside its
 * colon-separated segment, except that a `*` ending a segment may run on past colons, as the
 * IAM User Guide describes for the Resource element. Plain strings (StringLike) have no segments.
 */
export type WildcardStyle = 'action' | 'arn' | 'string';

export type Matcher = (value: string, source: VariableSource) => boolean;

type Piece = string | Extract<TemplatePart, { kind: 'variable' }>;

// Everything RegExp syntax gives meaning to outside a character class, in unicode mode.
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Turns text into a regular expression source that matches exactly that text. */
export function escapeRegex(text: string): string {
  return text.replace(REGEX_SYNTAX, '\\$&');
}

/**
 * Compiles a pattern once. Without variables the regular expression is built here; with them,
 * the source around each variable is prepared here and only the escaped values are spliced in
 * per request, so a value can never act as a wildcard.
 */
export function compileWildcard(template: Template, style: WildcardStyle): Matcher {
  const flags = style === 'action' ? 'isu' : 'su';
  const pieces = toPieces(template, style);

  if (pieces.length === 1 && pieces[0] === '.*') return () => true;
  if (pieces.every((piece) => typeof piece === 'string')) {
    const regex = new RegExp(`^${pieces.join('')}$`, flags);
    return (value) => regex.test(value);
  }

  return (value, source) => {
    const regexSource = spliceVariables(pieces, source);
    return regexSource !== undefined && new RegExp(`^${regexSource}$`, flags).test(value);
  };
}

function toPieces(template: Template, style: WildcardStyle): Piece[] {
  const pieces: Piece[] = [];

  template.forEach((part, index) => {
    if (part.kind === 'variable') pieces.push(part);
    else if (part.kind === 'literal') pieces.push(escapeRegex(part.text));
    else pieces.push(textSource(part.text, style, nextCharacter(template, index)));
  });

  return mergeStrings(pieces);
}

/** The character that follows a template part: '' at the very end, undefined for a variable. */
function nextCharacter(template: Template, index: number): string | undefined {
  const next = template[index + 1];
  if (next === undefined) return '';
  return next.kind === 'variable' ? undefined : next.text[0];
}

function textSource(text: string, style: WildcardStyle, after: string | undefined): string {
  let source = '';
  let literalStart = 0;

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '*' && char !== '?') continue;

    source += escapeRegex(text.slice(literalStart, i));
    source += wildcardSource(char, style, i + 1 < text.length ? text[i + 1] : after);
    literalStart = i + 1;
  }

  return source + escapeRegex(text.slice(literalStart));
}

function wildcardSource(char: '*' | '?', style: WildcardStyle, after: string | undefined): string {
  if (style !== 'arn') return char === '*' ? '.*' : '.';
  if (char === '?') return '[^:]';

  const endsSegment = after === ':' || after === '';
  return endsSegment ? '.*' : '[^:]*';
}

/** Joins neighbouring regex sources, so a pattern without variables is one string. */
function mergeStrings(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];

  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (typeof piece !== 'string' || typeof last !== 'string') {
      merged.push(piece);
      continue;
    }

    merged[merged.length - 1] = last + piece;
  }

  return merged;
}

function spliceVariables(pieces: readonly Piece[], source: VariableSource): string | undefined {
  let regexSource = '';

  for (const piece of pieces) {
    if (typeof piece === 'string') {
      regexSource += piece;
      continue;
    }

    const value = expandVariable(piece, source);
    if (value === undefined) return undefined;
    regexSource += escapeRegex(value);
  }

  return regexSource;
}
