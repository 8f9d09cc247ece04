/**
 * rapport's few error classes. Each carries a message for the user and a hint saying what to do;
 * the CLI maps them to exit codes and the server to HTTP statuses, each in one place.
 */
export abstract class RapportError extends Error {
  abstract readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/** The user asked for something that cannot be done as asked (unknown handle, bad date, …). */
export class UserError extends RapportError {
  override readonly name = 'UserError';
  readonly exitCode = 1;
}

/** A file given to rapport is not what it claims to be, or is damaged. Nothing was written. */
export class InputError extends RapportError {
  override readonly name = 'InputError';
  readonly exitCode = 1;
}

/** The store could not be opened or written (database down, disk full, migration failed). */
export class StoreError extends RapportError {
  override readonly name = 'StoreError';
  readonly exitCode = 1;
}

/** The command line itself is wrong (unknown option, missing argument). */
export class UsageError extends RapportError {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

export function isRapportError(e: unknown): e is RapportError {
  return e instanceof RapportError;
}
