import { z } from 'zod';

/** Shapes shared by the routes; what the OpenAPI document shows. */
export const recordId = z.string().regex(/^[acmd]\d{1,9}$/, 'an id like c12, a3, m4 or d1');
/** What `/api/records/:id` shows: a record, or a commitment by the id the process view lists (k + 10 hex). */
export const shownId = z.string().regex(/^(?:[acmd]\d{1,9}|k[0-9a-f]{10})$/, 'an id like c12, a3, m4, d1 or k0123456789');
export const state = z.enum(['proposed', 'accepted', 'rejected', 'edited']);
export const claimKind = z.enum(['quote', 'quantity', 'date', 'participation', 'event']);
export const span = z.object({ start: z.number().int(), end: z.number().int() });
export const anyRecord = z.record(z.string(), z.unknown());
export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const documentItem = z.object({
  id: z.string(), title: z.string(), source: z.string(), publisher: z.string().nullable(), published: z.string(),
  copyOf: z.string().nullable(), claims: z.number(), proposed: z.number(),
});
export const actorItem = z.object({ id: z.string(), name: z.string(), kind: z.string(), state, version: z.number(), aliases: z.array(z.string()) });
export const claimItem = z.object({
  id: z.string(), kind: z.string(), key: z.string(), summary: z.string(), value: anyRecord, state, version: z.number(),
  confidence: z.number(), occurredOn: z.string().nullable(), sources: z.number(), contested: z.boolean(),
});
export const proposalItem = z.object({
  id: z.string(), kind: z.string(), summary: z.string(), value: anyRecord, state, version: z.number(), confidence: z.number(),
  sentence: z.number(), sentenceText: z.string(), evidence: z.array(span),
});
export const reviewDocItem = z.object({ id: z.string(), title: z.string(), published: z.string(), proposed: z.number(), accepted: z.number(), rejected: z.number(), edited: z.number() });
export const counts = z.object({ proposed: z.number(), accepted: z.number(), rejected: z.number(), edited: z.number() });
export const highlight = z.object({ start: z.number(), end: z.number(), type: z.string(), ref: z.string(), label: z.string() });
export const searchItem = z.object({ id: z.string(), type: z.enum(['document', 'claim']), kind: z.string(), title: z.string(), text: z.string(), date: z.string().nullable(), state: z.string().nullable(), rank: z.number() });
export const decision = z.object({ id: z.string(), state, version: z.number(), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) });
export const problemSchema = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string(), field: z.string().optional(), instance: z.string().optional() });
export const errors = { 400: problemSchema, 404: problemSchema } as const;
export const writeErrors = { ...errors, 409: problemSchema, 412: problemSchema } as const;
