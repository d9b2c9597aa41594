import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import type { Command } from 'commander';
import { ParleyError } from '../domain/errors.ts';
import { currentUser } from '../app/actor-of.ts';
import { openStore, storeOptionsFrom, type Store } from '../store/open.ts';
import { report } from './main.ts';
import { commandLine, positiveInt, workspaceOption, type StoreFlags } from './store-commands.ts';

export const WEB_DIR = join(PROJECT_ROOT, 'web/dist');
export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

type ServeFlags = StoreFlags & { host: string; port: number };

/** `parley serve` (the API and web UI on the workspace) and `parley demo` (the examples, served). */
export function registerServeCommands(program: Command, setCode: (code: number) => void): void {
  const port = (v: string): number => {
    const n = positiveInt(v, '--port');
    if (n > 65535) throw new ParleyError('BAD_ARGUMENT', `--port must be at most 65535, not ${n}`);
    return n;
  };
  program.command('serve').description('serve the review workspace: the HTTP API and the web UI')
    .addOption(workspaceOption())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free one)', port, 4321)
    .action(async (f: ServeFlags) => {
      try {
        const store = await openStore({ ...storeOptionsFrom(f), command: commandLine() });
        setCode(await serveUntilStopped(store, f));
      } catch (e) {
        setCode(report(e));
      }
    });
  program.command('demo').description('ingest the bundled example reports into a new workspace and serve it')
    .option('-w, --workspace <dir>', 'where to make the demo workspace (default: a new temporary folder)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free one)', port, 4321)
    .action(async (f: ServeFlags) => {
      try {
        const workspace = f.workspace ?? join(mkdtempSync(join(tmpdir(), 'parley-demo-')), 'workspace');
        process.stderr.write(`parley: demo workspace ${workspace}\n`);
        const store = await openStore({ workspace, command: commandLine() });
        const files = readdirSync(EXAMPLES_DIR).filter((n) => !/^readme/i.test(n)).map((n) => join(EXAMPLES_DIR, n));
        const { ingestPaths } = await import('../app/ingest.ts');
        const s = await ingestPaths(store, files, { workers: 0, by: currentUser() });
        process.stderr.write(`parley: ingested ${s.stored + s.already + s.updated} example reports\n`);
        setCode(await serveUntilStopped(store, f));
      } catch (e) {
        setCode(report(e));
      }
    });
}

/** Listens until SIGINT/SIGTERM, then closes the server and the store (and its lock). */
async function serveUntilStopped(store: Store, f: ServeFlags): Promise<number> {
  const web = existsSync(join(WEB_DIR, 'index.html'));
  // The server and the extraction it offers load only for serve and demo.
  const [{ buildServer }, { loadProcesses }] = await Promise.all([import('../server/app.ts'), import('../server/queries/processes.ts')]);
  const app = await buildServer({ store, by: currentUser(), webDir: WEB_DIR });
  let url: string;
  try {
    url = await app.listen({ host: f.host, port: f.port });
  } catch (e) {
    await app.close().catch(() => undefined);
    await store.close();
    throw new ParleyError('BAD_ARGUMENT', `cannot listen on ${f.host}:${f.port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // The process record is derived from the claims: build it now rather than on the first visit.
  void loadProcesses(store.db).catch(() => undefined);
  process.stdout.write(`parley: serving ${store.kind} ${store.location}\n  web UI  ${url}/${web ? '' : '  (not built: npm run build:web)'}\n  API     ${url}/api  (OpenAPI: ${url}/api/openapi.json)\n`);
  await new Promise<void>((done) => {
    const stop = (): void => { process.off('SIGINT', stop); process.off('SIGTERM', stop); done(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stderr.write('parley: stopping\n');
  await app.close();
  await store.close();
  return 0;
}
