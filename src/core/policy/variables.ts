import type { VariableSource } from './context.js';
import { malformed } from './errors.js';

/**
 * A policy string split around its ${...} references. Text keeps its wildcards; a literal comes
 * from an escape and never acts as one; a variable is filled in from the request context.
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback: string | undefined };

export type Template = readonly TemplatePart[];

const ESCAPES: ReadonlySet<string> = new Set(['*', '?', '$']);

// A key needs its service prefix; an optional default value follows in single quotes.
const VARIABLE = /^\s*([A-Za-z0-9-]+:[^\s,'{}$]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/**
 * Splits a policy string into a template. Variables exist only in 2012-10-17 documents: in
 * older ones, and where AWS does not expand them, the whole string is plain text.
 */
export function parseTemplate(text: string, variables: boolean): Template {
  if (!variables || !text.includes('${')) return [{ kind: 'text', text }];

  const parts: TemplatePart[] = [];
  let rest = text;
  for (let start = rest.indexOf('${'); start >= 0; start = rest.indexOf('${')) {
    const end = rest.indexOf('}', start);
    if (end < 0) malformed(`Policy variable in "${text}" is missing its closing brace.`);

    if (start > 0) parts.push({ kind: 'text', text: rest.slice(0, start) });
    parts.push(parseReference(rest.slice(start + 2, end), text));
    rest = rest.slice(end + 1);
  }
  if (rest !== '') parts.push({ kind: 'text', text: rest });

  return parts;
}

function parseReference(body: string, text: string): TemplatePart {
  if (ESCAPES.has(body)) return { kind: 'literal', text: body };

  const match = VARIABLE.exec(body);
  if (!match) malformed(`Invalid policy variable \${${body}} in "${text}".`);

  return { kind: 'variable', key: match[1]!.toLowerCase(), fallback: match[2] };
}

/** The text of a template that holds no variables; undefined when it holds some. */
export function fixedText(template: Template): string | undefined {
  let text = '';
  for (const part of template) {
    if (part.kind === 'variable') return undefined;
    text += part.text;
  }
  return text;
}

/** The template with its variables filled in; undefined when one of them has no value. */
export function expandTemplate(template: Template, source: VariableSource): string | undefined {
  let text = '';
  for (const part of template) {
    const value = part.kind === 'variable' ? expandVariable(part, source) : part.text;
    if (value === undefined) return undefined;
    text += value;
  }
  return text;
}

/** One variable's value, or its default value when the request context lacks the key. */
export function expandVariable(
  part: { readonly key: string; readonly fallback: string | undefined },
  source: VariableSource,
): string | undefined {
  return source.variable(part.key) ?? part.fallback;
}
