import { ValidationError } from '../domain/errors.js';
import type { Tag } from '../domain/types.js';
import { S, type Shape } from './shapes.js';

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
      this.#problems.push(
        `Value null at '${shape.member}' failed to satisfy constraint: Member must not be null`,
      );
      return '';
    }
    return value;
  }

  integer(name: string, shape: Shape): number | undefined {
    const raw = this.#raw.get(name);
    if (raw === undefined) return undefined;

    const value = /^-?\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(value)) {
      this.#problems.push(
        `Value '${printable(raw)}' at '${shape.member}' failed to satisfy constraint: Member must be a number`,
      );
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
    this.#problems.push(
      `Value '${printable(raw)}' at '${member}' failed to satisfy constraint: Member must be a boolean`,
    );
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
    const items: string[] = [];
    for (let n = 1; ; n++) {
      const value = this.#raw.get(`${name}.member.${n}`);
      if (value === undefined) break;
      this.#check(value, shape);
      items.push(value);
    }
    this.#checkListSize(name, items.length, max, listMember);
    if (options.required && items.length === 0) {
      this.#problems.push(
        `Value null at '${listMember}' failed to satisfy constraint: Member must not be null`,
      );
    }
    return items;
  }

  tags(name = 'Tags', max = 50): Tag[] {
    const tags: Tag[] = [];
    for (let n = 1; ; n++) {
      const key = this.#raw.get(`${name}.member.${n}.Key`);
      const value = this.#raw.get(`${name}.member.${n}.Value`);
      if (key === undefined && value === undefined) break;

      if (key === undefined)
        this.#problems.push(
          `Value null at 'tags.${n}.member.key' failed to satisfy constraint: Member must not be null`,
        );
      if (value === undefined)
        this.#problems.push(
          `Value null at 'tags.${n}.member.value' failed to satisfy constraint: Member must not be null`,
        );
      if (key !== undefined) this.#check(key, { ...S.tagKey, member: `tags.${n}.member.key` });
      if (value !== undefined)
        this.#check(value, { ...S.tagValue, member: `tags.${n}.member.value` });
      tags.push({ key: key ?? '', value: value ?? '' });
    }
    this.#checkListSize(name, tags.length, max, 'tags');
    return tags;
  }

  /** Throws the collected violations, if any. */
  done(): void {
    if (this.#problems.length === 0) return;
    const count = this.#problems.length;
    const head = `${count} validation error${count === 1 ? '' : 's'} detected: `;
    throw new ValidationError(head + this.#problems.join('; '));
  }

  #checkListSize(name: string, size: number, max: number, member: string): void {
    if (size > max) {
      this.#problems.push(
        `Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    }
    // Members past a gap would be silently dropped; say so instead.
    if (
      this.#raw.has(`${name}.member.${size + 2}`) ||
      this.#raw.has(`${name}.member.${size + 2}.Key`)
    ) {
      this.#problems.push(
        `Value at '${member}' failed to satisfy constraint: list members must be numbered from 1 without gaps`,
      );
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

/** Values are echoed in errors; cut them short so a huge value cannot bloat the response. */
function printable(value: string): string {
  return value.length > 128 ? `${value.slice(0, 128)}...` : value;
}
