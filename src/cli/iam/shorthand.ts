import { ArgumentError } from './errors.js';

export interface Tag {
  Key: string;
  Value: string;
}

/**
 * The values of a `--tags` flag: one `Key=k,Value=v` per word (the AWS CLI's shorthand; quote a
 * value to put a comma in it), or a single JSON list of `{"Key", "Value"}` objects.
 */
export function parseTags(flag: string, words: string[]): Tag[] {
  if (words.length === 1 && words[0]!.trimStart().startsWith('[')) {
    return jsonList(flag, words[0]!).map((item) => jsonTag(flag, item));
  }
  return words.map((word) => shorthandTag(flag, word));
}

/** The values of a string-list flag: the words themselves, or a single JSON list of strings. */
export function parseStrings(flag: string, words: string[]): string[] {
  if (words.length !== 1 || !words[0]!.trimStart().startsWith('[')) return words;

  return jsonList(flag, words[0]!).map((item) => {
    if (typeof item !== 'string') throw new ArgumentError(`--${flag} must be a list of strings`);
    return item;
  });
}

function jsonList(flag: string, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArgumentError(`--${flag} is not valid JSON`);
  }

  if (!Array.isArray(value)) throw new ArgumentError(`--${flag} must be a JSON list`);
  return value;
}

function jsonTag(flag: string, item: unknown): Tag {
  const record = (item ?? {}) as Record<string, unknown>;
  if (typeof record.Key !== 'string' || typeof record.Value !== 'string') {
    throw new ArgumentError(`--${flag}: each tag needs a string "Key" and "Value"`);
  }
  return { Key: record.Key, Value: record.Value };
}

function shorthandTag(flag: string, word: string): Tag {
  const fields = shorthandFields(flag, word);
  for (const name of fields.keys()) {
    if (name !== 'Key' && name !== 'Value') {
      throw new ArgumentError(`--${flag}: unknown field "${name}", expected Key=...,Value=...`);
    }
  }

  const key = fields.get('Key');
  const value = fields.get('Value');
  if (key === undefined || value === undefined) {
    throw new ArgumentError(`--${flag}: each tag needs both Key= and Value=`);
  }
  return { Key: key, Value: value };
}

/** `a=1,b="x, y"` as fields; a quoted value may hold commas and the other quote character. */
function shorthandFields(flag: string, text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let rest = text;

  while (rest.length > 0) {
    const eq = rest.indexOf('=');
    if (eq <= 0) throw new ArgumentError(`--${flag}: expected name=value in "${text}"`);
    const name = rest.slice(0, eq).trim();
    const { value, after } = shorthandValue(flag, rest.slice(eq + 1));

    if (fields.has(name)) throw new ArgumentError(`--${flag}: "${name}" is given twice`);
    fields.set(name, value);
    rest = after;
  }
  return fields;
}

function shorthandValue(flag: string, text: string): { value: string; after: string } {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, 1);
    if (end < 0) throw new ArgumentError(`--${flag}: a quoted value is not closed`);
    const after = text.slice(end + 1);
    if (after.length > 0 && after[0] !== ',') {
      throw new ArgumentError(`--${flag}: expected a comma after a quoted value`);
    }
    return { value: text.slice(1, end), after: after.slice(1) };
  }

  const comma = text.indexOf(',');
  if (comma < 0) return { value: text, after: '' };
  return { value: text.slice(0, comma), after: text.slice(comma + 1) };
}
