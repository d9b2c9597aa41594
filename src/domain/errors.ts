/**
 * Every failure a user can cause has a stable code. The CLI maps codes to exit codes and the
 * HTTP layer to statuses in one table each (src/cli/exit-codes.ts), so no error ends as a bare
 * stack trace.
 */
export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'IS_DIRECTORY'
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'INVALID_UTF8'
  | 'TOO_LARGE'
  | 'NO_ARTICLE_TEXT'
  | 'UNSUPPORTED_LANGUAGE'
  | 'UNSUPPORTED_TYPE'
  | 'BAD_ARGUMENT'
  | 'READ_FAILED'
  | 'WORKSPACE_LOCKED'
  | 'WORKSPACE_TOO_NEW'
  | 'STORE_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'CONFLICT';

export class ParleyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The file the error is about, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ParleyError';
  }

  /** One line for a terminal: "parley: FILE: what is wrong". */
  line(): string {
    return this.file ? `${this.file}: ${this.message}` : this.message;
  }
}

export const isParleyError = (e: unknown): e is ParleyError => e instanceof ParleyError;
