import { sql, type Kysely } from 'kysely';
import { nearDuplicateKeys } from '../near-dup.ts';

const CHUNK = 500;

/**
 * The near-duplicate band keys now come from one-permutation MinHash (store/near-dup.ts), which
 * gives different keys from the 128-hash MinHash before it: a wire copy ingested from now on
 * would not meet an original stored earlier. The stored documents' keys are made again from
 * their text, a chunk of documents at a time, inside the migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from document_bands`.execute(db);
  let after = 0;
  for (;;) {
    const docs = await sql<{ id: number; text: string }>`select id, text from documents where id > ${after} order by id limit ${CHUNK}`.execute(db);
    if (docs.rows.length === 0) return;
    const band: number[] = [], bucket: number[] = [], document: number[] = [];
    for (const d of docs.rows) {
      nearDuplicateKeys(d.text).forEach((key, i) => { band.push(i); bucket.push(key); document.push(d.id); });
    }
    await sql`insert into document_bands (band, bucket, document_id)
      select * from unnest(${band}::int[], ${bucket}::int[], ${document}::int[]) on conflict do nothing`.execute(db);
    after = docs.rows.at(-1)!.id;
  }
}
