import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { ParleyError } from '../domain/errors.ts';
import { MIGRATIONS } from './migrations/index.ts';

const TABLE = 'kysely_migration';

/**
 * Brings a store up to this build's schema. Refuses (WORKSPACE_TOO_NEW) a store that has run a
 * migration this build does not know, before touching anything. Kysely runs the pending
 * migrations in one transaction under an advisory lock: a failure leaves the store as it was.
 */
export async function migrate(db: Kysely<unknown>, where: string, migrations: Record<string, Migration> = MIGRATIONS): Promise<string[]> {
  const known = new Set(Object.keys(migrations));
  const exists = await sql<{ t: string | null }>`select to_regclass(${'public.' + TABLE})::text as t`.execute(db);
  if (exists.rows[0]?.t) {
    const done = await sql<{ name: string }>`select name from ${sql.table(TABLE)} order by name`.execute(db);
    const unknown = done.rows.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length) {
      throw new ParleyError(
        'WORKSPACE_TOO_NEW',
        `was written by a newer parley (schema step ${unknown.join(', ')} is unknown to this version); upgrade parley to open it`,
        where,
      );
    }
    // Up to date, the usual case: Kysely's migrator would still read the whole catalog twice
    // (~80 ms on PGlite, more in a new process) to find its own tables.
    const applied = new Set(done.rows.map((r) => r.name));
    if ([...known].every((n) => applied.has(n))) return [];
  }
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, migrationTableName: TABLE });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new ParleyError(
      'STORE_UNAVAILABLE',
      `cannot update the schema${failed ? ` (step ${failed})` : ''}: ${(error as Error).message ?? String(error)}; nothing was changed`,
      where,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
