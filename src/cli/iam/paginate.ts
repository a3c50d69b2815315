import { ArgumentError, ConnectionError } from './errors.js';
import type { Invocation, Value } from './invocation.js';
import type { Json } from './output.js';
import type { Result } from './response.js';

export type Call = (params: Map<string, Value>) => Promise<Result>;

const PAGING_MEMBERS = new Set(['IsTruncated', 'Marker']);

/** Where a later run resumes: the page's marker, and how many of its items were printed. */
interface Resume {
  marker?: string;
  skip: number;
}

/**
 * Calls a List* operation as the AWS CLI does: every page, following IsTruncated and Marker,
 * printed as one list. `--max-items` caps the total and prints a NextToken for
 * `--starting-token`; `--page-size` is the MaxItems of each call. `--no-paginate`, or an explicit
 * `--marker`, makes one plain call with `--max-items` as its MaxItems.
 */
export async function callAll(invocation: Invocation, call: Call): Promise<Result> {
  const { operation, params, options, globals } = invocation;
  const list = operation.pages;
  const paging = globals.paginate && !params.has('Marker');

  if (!list || !paging) {
    refuseWithoutPaging(options);
    return call(params);
  }

  const total = params.get('MaxItems') as number | undefined;
  if (total !== undefined && total < 1) throw new ArgumentError('--max-items must be positive');
  const start = resumeFrom(options.get('starting-token') as string | undefined);
  return gather(list, pageRequest(params, options.get('page-size')), start, total, call);
}

function refuseWithoutPaging(options: Invocation['options']): void {
  const used = ['starting-token', 'page-size'].filter((flag) => options.has(flag));
  if (used.length === 0) return;

  const flags = used.map((flag) => `--${flag}`).join(', ');
  throw new ArgumentError(
    `Cannot specify --no-paginate (or --marker) along with pagination arguments: ${flags}`,
  );
}

function pageRequest(
  params: Invocation['params'],
  pageSize: Value | undefined,
): Map<string, Value> {
  const request = new Map(params);
  request.delete('MaxItems');
  if (pageSize !== undefined) request.set('MaxItems', pageSize);
  return request;
}

async function gather(
  list: string,
  request: Map<string, Value>,
  start: Resume,
  total: number | undefined,
  call: Call,
): Promise<Result> {
  const items: Json[] = [];
  const seen = new Set<string>();
  let at = start;
  let first: Result | undefined;

  for (;;) {
    const page = await call(withMarker(request, at.marker));
    first ??= page;
    const fresh = asList(page[list]).slice(at.skip);
    const room = (total ?? Infinity) - items.length;

    if (fresh.length > room) {
      items.push(...fresh.slice(0, room));
      return resultOf(first, list, items, { marker: at.marker, skip: at.skip + room });
    }
    items.push(...fresh);

    const next = page.IsTruncated === true && typeof page.Marker === 'string' ? page.Marker : '';
    if (next === '') return resultOf(first, list, items);
    if (items.length === total) return resultOf(first, list, items, { marker: next, skip: 0 });

    // A server that hands out the same marker twice would keep this loop going for ever.
    if (seen.has(next)) throw new ConnectionError('The service returned the same Marker twice');
    seen.add(next);
    at = { marker: next, skip: 0 };
  }
}

/**
 * The gathered list, then the first page's other members (GetGroup's Group) but not its paging
 * members, then a NextToken when there is more to print: the AWS CLI's order.
 */
function resultOf(first: Result, list: string, items: Json[], next?: Resume): Result {
  const others = Object.entries(first).filter(([key]) => !PAGING_MEMBERS.has(key) && key !== list);
  return {
    [list]: items,
    ...Object.fromEntries(others),
    ...(next ? { NextToken: tokenFor(next) } : {}),
  };
}

function withMarker(request: Map<string, Value>, marker: string | undefined): Map<string, Value> {
  if (marker === undefined) return request;
  return new Map(request).set('Marker', marker);
}

function asList(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** NextToken is this client's own: base64 of where to resume, opaque to the user. */
function tokenFor(resume: Resume): string {
  return Buffer.from(JSON.stringify(resume)).toString('base64');
}

function resumeFrom(token: string | undefined): Resume {
  if (token === undefined) return { skip: 0 };

  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Resume;
    const markerOk = value.marker === undefined || typeof value.marker === 'string';
    if (markerOk && Number.isInteger(value.skip) && value.skip >= 0) return value;
  } catch {
    // reported below
  }
  throw new ArgumentError('--starting-token is not a NextToken printed by this command');
}
