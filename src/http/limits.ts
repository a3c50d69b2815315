/** Bodies above this are refused before they are read: the largest IAM input fits easily. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * A body declared over BODY_LIMIT but within this is read and thrown away before the 413 goes
 * out. A client that sends its whole body before reading (no `Expect: 100-continue`, as Python's
 * http.client does) would otherwise meet a reset mid-write and never see the answer. Past this
 * the server answers at once instead of reading that much for nothing.
 */
export const DRAIN_LIMIT = 16 * 1024 * 1024;
