import { Command, Option } from 'commander';
import { ParleyError, isParleyError } from '../domain/errors.ts';
import { EXIT_CODES } from './exit-codes.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let code = 0;
  program
    .name('parley')
    .description('A sourced, reviewable record of peace processes from news reports')
    .version('0.1.0')
    .showHelpAfterError(false)
    .exitOverride();
  program
    .command('extract')
    .description('extract actors, statements, participation, figures, dates and events from reports')
    .argument('<files...>', 'report files (.txt, .md, .html), or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['summary', 'json', 'parley-eval']).default('summary'))
    .option('--published <date>', 'publication date as YYYY-MM-DD (otherwise read from the report)')
    .action(async (files: string[], opts: { format: 'summary' | 'json' | 'parley-eval'; published?: string }) => {
      code = await (await import('./extract-command.ts')).runExtract(files, opts);
    });
  // `extract` needs no workspace: loading the store (PGlite, Kysely, pg) costs ~0.6 s of CPU,
  // so its commands are registered only when another command, or help, is asked for.
  if (argv[0] !== 'extract') (await import('./store-commands.ts')).registerStoreCommands(program, (c) => { code = c; });
  if (argv[0] !== 'extract') (await import('./brief-commands.ts')).registerBriefCommands(program, (c) => { code = c; });
  if (argv[0] !== 'extract') (await import('./serve-commands.ts')).registerServeCommands(program, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' || ce.code === 'commander.help') return 0;
    if (typeof ce.exitCode === 'number' && ce.code?.startsWith('commander.')) return ce.exitCode === 0 ? 0 : EXIT_CODES.BAD_ARGUMENT;
    return report(e);
  }
  return code;
}

/** Any error that reaches the top: one line, never a stack trace (PARLEY_DEBUG=1 shows one). */
export function report(e: unknown): number {
  if (isParleyError(e)) {
    process.stderr.write(`parley: ${e.line()}\n`);
    return EXIT_CODES[e.code];
  }
  if (process.env.PARLEY_DEBUG) console.error(e);
  process.stderr.write(`parley: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  return 70;
}

export { ParleyError };
