import type { Value } from './invocation.js';
import type { Operation, Service } from './operations.js';
import type { Tag } from './shorthand.js';

/**
 * The Query API form for one call: `Action` and `Version`, then each parameter flattened the way
 * the server's reader expects it (`Tags.member.1.Key`, `TagKeys.member.1`, `true`/`false`).
 */
export function queryForm(
  service: Service,
  operation: Operation,
  params: Map<string, Value>,
): string {
  const fields: [string, string][] = [
    ['Action', operation.name],
    ['Version', service.version],
  ];
  for (const [name, value] of params) fields.push(...flatten(name, value));

  return fields.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

function flatten(name: string, value: Value): [string, string][] {
  if (!Array.isArray(value)) return [[name, String(value)]];

  return (value as (string | Tag)[]).flatMap((item, index): [string, string][] => {
    const prefix = `${name}.member.${index + 1}`;
    if (typeof item === 'string') return [[prefix, item]];
    return [
      [`${prefix}.Key`, item.Key],
      [`${prefix}.Value`, item.Value],
    ];
  });
}

/** RFC 3986 percent-encoding, so that `+` and spaces cannot be confused on the way. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
