import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isParleyError, ParleyError, type ErrorCode } from '../domain/errors.ts';
import { HTTP_STATUS } from '../cli/exit-codes.ts';

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code`: the ParleyError
 * codes, plus PRECONDITION_FAILED (a stale If-Match), PRECONDITION_REQUIRED, NOT_FOUND for routes,
 * INTERNAL. A bad parameter is a 400 BAD_ARGUMENT whose `field` names it ("query.limit").
 */
export type ProblemCode = ErrorCode | 'PRECONDITION_FAILED' | 'INTERNAL';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  field?: string;
  instance?: string;
}

const TITLES: Partial<Record<ProblemCode, string>> = {
  BAD_ARGUMENT: 'Bad request',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  PRECONDITION_FAILED: 'The record changed since you read it',
  INTERNAL: 'Internal error',
};

export function problem(code: ProblemCode, status: number, detail: string, extra: { field?: string; instance?: string } = {}): Problem {
  return { type: `/api/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[code] ?? code.toLowerCase().replace(/_/g, ' '), status, code, detail, ...extra };
}

/** A ParleyError thrown under an If-Match is a failed precondition, not a plain conflict. */
export function toProblem(e: unknown, req: FastifyRequest): Problem {
  const instance = req.url.split('?')[0];
  if (hasZodFastifySchemaValidationErrors(e)) {
    const first = e.validation[0];
    const path = (first?.instancePath ?? '').split('/').filter(Boolean);
    const where = (e as FastifyError & { validationContext?: string }).validationContext ?? 'body';
    const field = [where, ...path].join('.');
    return problem('BAD_ARGUMENT', 400, `${field}: ${first?.message ?? 'invalid'}`, { field, instance });
  }
  if (isParleyError(e)) {
    if (e.code === 'CONFLICT' && req.headers['if-match']) return problem('PRECONDITION_FAILED', 412, e.message, { instance });
    return problem(e.code, HTTP_STATUS[e.code], e.message, { instance, ...(e.file ? { field: e.file } : {}) });
  }
  const fe = e as FastifyError;
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return problem(fe.statusCode === 404 ? 'NOT_FOUND' : 'BAD_ARGUMENT', fe.statusCode, fe.message, { instance });
  }
  return problem('INTERNAL', 500, 'internal error', { instance });
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(JSON.stringify(p));
}

export const badField = (field: string, message: string): ParleyError => new ParleyError('BAD_ARGUMENT', `${field}: ${message}`, field);
