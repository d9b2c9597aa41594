import type { ErrorCode } from '../domain/errors.ts';

/** One table from error code to exit code (and, later, HTTP status). Exhaustive by type. */
export const EXIT_CODES: Record<ErrorCode, number> = {
  BAD_ARGUMENT: 2,
  FILE_NOT_FOUND: 3,
  IS_DIRECTORY: 3,
  READ_FAILED: 3,
  EMPTY_INPUT: 4,
  BINARY_INPUT: 4,
  INVALID_UTF8: 4,
  TOO_LARGE: 4,
  NO_ARTICLE_TEXT: 4,
  UNSUPPORTED_LANGUAGE: 4,
  UNSUPPORTED_TYPE: 4,
};

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_ARGUMENT: 400,
  FILE_NOT_FOUND: 404,
  IS_DIRECTORY: 400,
  READ_FAILED: 500,
  EMPTY_INPUT: 422,
  BINARY_INPUT: 415,
  INVALID_UTF8: 422,
  TOO_LARGE: 413,
  NO_ARTICLE_TEXT: 422,
  UNSUPPORTED_LANGUAGE: 422,
  UNSUPPORTED_TYPE: 415,
};
