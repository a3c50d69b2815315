/** A dump or a database that cannot take part in a copy: shown to the operator as it is. */
export class TransferError extends Error {}
