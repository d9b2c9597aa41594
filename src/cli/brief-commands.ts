import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { BRIEF_FORMATS, makeBrief, renderBrief, type BriefFormat } from '../app/make-brief.ts';
import { EXPORT_FORMATS, exportRecord, type ExportFormat } from '../app/export-record.ts';
import { importRecord } from '../app/import-record.ts';
import { ParleyError } from '../domain/errors.ts';
import { fileSink } from '../export/sink.ts';
import { report } from './main.ts';
import { commandLine, withStore, workspaceOption, type StoreFlags } from './store-commands.ts';

type BriefFlags = StoreFlags & { process?: string; since?: string; format?: BriefFormat; output?: string; includeProposed?: boolean; redact?: boolean; title?: string };
type ExportFlags = StoreFlags & { process?: string; format: ExportFormat; output?: string; includeProposed?: boolean };

/** `parley brief`, `parley export`, `parley import`: the record in the forms users send and load elsewhere. */
export function registerBriefCommands(program: Command, setCode: (code: number) => void): void {
  program.command('brief')
    .description('a situation brief of the reviewed record, every line footnoted to its sources')
    .addOption(workspaceOption())
    .option('--process <name>', 'the process (its name, place or host)')
    .option('--since <date>', 'statements, figures and changes from this date (YYYY-MM-DD)')
    .addOption(new Option('-f, --format <format>', 'output format (default: from -o, else md)').choices([...BRIEF_FORMATS]))
    .option('-o, --output <file>', 'write to this file (a PDF needs one)')
    .option('--include-proposed', 'also proposals not yet reviewed, marked as such')
    .option('--redact', 'also drop the descriptions of anonymous speakers')
    .option('--title <text>', 'the brief\'s title')
    .action(async (f: BriefFlags) => {
      try {
        const format = f.format ?? formatFromFile(f.output) ?? 'md';
        if (format === 'pdf' && !f.output && process.stdout.isTTY) throw new ParleyError('BAD_ARGUMENT', 'a PDF goes to a file: add -o brief.pdf');
        const out = await withStore(f, commandLine(), async (s) => renderBrief(await makeBrief(s, f), format));
        if (f.output && f.output !== '-') writeFileSync(f.output, out);
        else process.stdout.write(out);
        setCode(0);
      } catch (e) {
        setCode(report(e));
      }
    });

  program.command('export')
    .description('the record as json (lossless), plover, acled-csv, popolo or hxl-csv')
    .addOption(workspaceOption())
    .addOption(new Option('-f, --format <format>', 'export format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('--process <name>', 'only the reports of this process (not for json)')
    .option('--include-proposed', 'also proposals not yet reviewed (json always has everything)')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (f: ExportFlags) => {
      const sink = fileSink(f.output);
      try {
        await withStore(f, commandLine(), (s) => exportRecord(s, f, sink));
        setCode(0);
      } catch (e) {
        setCode(report(e));
      } finally {
        await sink.close();
      }
    });

  program.command('import')
    .description('load a json export (parley export --format json) into an empty workspace')
    .argument('<file>', 'the dump')
    .addOption(workspaceOption())
    .action(async (file: string, f: StoreFlags) => {
      try {
        const counts = await withStore(f, commandLine(), (s) => importRecord(s, file));
        process.stdout.write(`imported ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
        setCode(0);
      } catch (e) {
        setCode(report(e));
      }
    });
}

function formatFromFile(file: string | undefined): BriefFormat | undefined {
  const m = /\.(md|html|pdf)$/i.exec(file ?? '');
  return m ? (m[1]!.toLowerCase() as BriefFormat) : undefined;
}
