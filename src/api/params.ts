import { ValidationError } from '../domain/errors.js';
import type { Tag } from '../domain/types.js';
import { S, type Shape } from './shapes.js';

const NUMBERED = 'list members must be numbered from 1 without gaps';

/**
 * Reads an action's parameters against their AWS shapes, collecting every violation so the error
 * lists them all in AWS's form ("2 validation errors detected: ...; ..."), then `done()` throws.
 */
export class Params {
  readonly #raw: Map<string, string>;
  readonly #problems: string[] = [];

  constructor(raw: Map<string, string>) {
    this.#raw = raw;
  }

  string(name: string, shape: Shape): string | undefined {
    const value = this.#raw.get(name);
    if (value === undefined) return undefined;
    this.#check(value, shape);
    return value;
  }

  required(name: string, shape: Shape): string {
    const value = this.string(name, shape);
    if (value === undefined) {
      this.#missing(shape.member);
      return '';
    }
    return value;
  }

  integer(name: string, shape: Shape): number | undefined {
    const raw = this.#raw.get(name);
    if (raw === undefined) return undefined;

    const value = /^-?\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(value)) {
      this.#fail(raw, shape, 'Member must be a number');
      return undefined;
    }
    if (shape.min !== undefined && value < shape.min)
      this.#fail(raw, shape, `Member must have value greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && value > shape.max)
      this.#fail(raw, shape, `Member must have value less than or equal to ${shape.max}`);
    return value;
  }

  boolean(name: string, member: string): boolean | undefined {
    const raw = this.#raw.get(name);
    if (raw === undefined) return undefined;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    this.#fail(raw, { member }, 'Member must be a boolean');
    return undefined;
  }

  /** A `Name.member.N` list, N from 1 without gaps. */
  list(
    name: string,
    shape: Shape,
    max: number,
    listMember: string,
    options: { required?: boolean } = {},
  ): string[] {
    const members = this.#members(name, listMember, false);
    if (members === undefined) return [];

    const items = members.map((member) => member.get('') ?? '');
    for (const item of items) this.#check(item, shape);
    this.#checkListSize(items.length, max, listMember);
    if (options.required && items.length === 0) this.#missing(listMember);
    return items;
  }

  /** A `Name.member.N.Key` / `Name.member.N.Value` list, N from 1 without gaps. */
  tags(name = 'Tags', max = 50): Tag[] {
    const members = this.#members(name, 'tags', true);
    if (members === undefined) return [];

    const tags = members.map((member, at) => this.#tag(member, at + 1));
    this.#checkListSize(tags.length, max, 'tags');
    return tags;
  }

  /** The Marker and MaxItems (default 100) every paged List operation takes. */
  page(): { marker?: string; maxItems: number } {
    return {
      marker: this.string('Marker', S.marker),
      maxItems: this.integer('MaxItems', S.maxItems) ?? 100,
    };
  }

  /** Throws the collected violations, if any. */
  done(): void {
    if (this.#problems.length === 0) return;
    const count = this.#problems.length;
    const head = `${count} validation error${count === 1 ? '' : 's'} detected: `;
    throw new ValidationError(head + this.#problems.join('; '));
  }

  #tag(member: Map<string, string>, n: number): Tag {
    const key = member.get('.Key');
    const value = member.get('.Value');
    if (key === undefined) this.#missing(`tags.${n}.member.key`);
    if (value === undefined) this.#missing(`tags.${n}.member.value`);
    if (key !== undefined) this.#check(key, { ...S.tagKey, member: `tags.${n}.member.key` });
    if (value !== undefined)
      this.#check(value, { ...S.tagValue, member: `tags.${n}.member.value` });
    return { key: key ?? '', value: value ?? '' };
  }

  /**
   * The members of the `name.member.N` list in index order, read in one pass over the parameters.
   * An index that is not a whole number from 1 to the number of members (0, -1, 01, a gap, a
   * 400-digit number) refuses the whole list, so a member the client sent is never dropped.
   */
  #members(
    name: string,
    listMember: string,
    structured: boolean,
  ): Map<string, string>[] | undefined {
    const ordered = inIndexOrder(groupMembers(this.#raw, `${name}.member.`, structured));
    if (ordered === undefined) {
      this.#problems.push(`Value at '${listMember}' failed to satisfy constraint: ${NUMBERED}`);
    }
    return ordered;
  }

  #missing(member: string): void {
    this.#problems.push(
      `Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }

  #checkListSize(size: number, max: number, member: string): void {
    if (size > max) {
      const constraint = `Member must have length less than or equal to ${max}`;
      this.#problems.push(`Value at '${member}' failed to satisfy constraint: ${constraint}`);
    }
  }

  #check(value: string, shape: Shape): void {
    if (shape.min !== undefined && value.length < shape.min) {
      this.#fail(value, shape, `Member must have length greater than or equal to ${shape.min}`);
    }
    if (shape.max !== undefined && value.length > shape.max) {
      this.#fail(value, shape, `Member must have length less than or equal to ${shape.max}`);
    }
    if (shape.pattern && !shape.pattern.test(value)) {
      this.#fail(
        value,
        shape,
        `Member must satisfy regular expression pattern: ${shape.patternText}`,
      );
    }
    if (shape.values && !shape.values.includes(value)) {
      this.#fail(value, shape, `Member must satisfy enum value set: [${shape.values.join(', ')}]`);
    }
  }

  #fail(value: string, shape: Shape, constraint: string): void {
    const shown = shape.sensitive ? '' : `'${printable(value)}' `;
    this.#problems.push(
      `Value ${shown}at '${shape.member}' failed to satisfy constraint: ${constraint}`,
    );
  }
}

/**
 * The parameters under `prefix`, grouped by the index that follows it. A member of a structured
 * list (`Tags.member.1.Key`) is keyed by what follows its index (`.Key`); a plain list's member
 * (`TagKeys.member.1`) has the whole rest as its index and is keyed by ''.
 */
function groupMembers(
  raw: Map<string, string>,
  prefix: string,
  structured: boolean,
): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [name, value] of raw) {
    if (!name.startsWith(prefix)) continue;
    const dot = structured ? name.indexOf('.', prefix.length) : -1;
    const index = dot < 0 ? name.slice(prefix.length) : name.slice(prefix.length, dot);
    let group = groups.get(index);
    if (group === undefined) groups.set(index, (group = new Map()));
    group.set(dot < 0 ? '' : name.slice(dot), value);
  }
  return groups;
}

/**
 * The groups ordered by index, or undefined unless their indexes are exactly 1..size. Indexes are
 * compared as written: each number has one spelling without leading zeros, so distinct indexes
 * that all fall in 1..size cover it without a gap.
 */
function inIndexOrder<T>(groups: Map<string, T>): T[] | undefined {
  const ordered = new Array<T>(groups.size);
  for (const [index, group] of groups) {
    const n = listIndex(index, groups.size);
    if (n === undefined) return undefined;
    ordered[n - 1] = group;
  }
  return ordered;
}

/** The index as a number if it is written as a whole number from 1 to `size`. */
function listIndex(text: string, size: number): number | undefined {
  // Checking the length first keeps a 400-digit index from being read as a number at all.
  if (text.length > String(size).length || !/^[1-9]\d*$/.test(text)) return undefined;
  const n = Number(text);
  return n <= size ? n : undefined;
}

/** Values are echoed in errors; cut them short so a huge value cannot bloat the response. */
function printable(value: string): string {
  return value.length > 128 ? `${value.slice(0, 128)}...` : value;
}
