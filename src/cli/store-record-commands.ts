import { Option, type Command } from 'commander';
import { ParleyError } from '../domain/errors.ts';
import { currentUser } from '../app/actor-of.ts';
import { decideRecord, editRecord } from '../app/decide-record.ts';
import { aliasActor, mergeActors, splitActor } from '../app/merge-actors.ts';
import { showActor, showRecord } from '../app/show-record.ts';
import { findActor } from '../store/actor-ref.ts';
import * as ask from '../store/queries.ts';
import { commitments, processRounds, timeline } from '../store/process-queries.ts';
import { ensureProcessRecord } from '../app/recompute-record.ts';
import type { Store } from '../store/open.ts';
import { report } from './main.ts';
import { commandLine, positiveInt, withStore, workspaceOption, type StoreFlags } from './store-commands.ts';
import { FORMATS, formatRecord, formatRows, type Format } from './store-output.ts';

type Flags = StoreFlags & { format: Format; limit: number };

/** Review and query commands on the record: thin, each opens the store, calls one use case, prints. */
export function registerRecordCommands(program: Command, setCode: (code: number) => void): void {
  const cmd = (name: string, description: string): Command => program.command(name).description(description)
    .addOption(workspaceOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--limit <n>', 'at most this many rows', (v) => positiveInt(v, '--limit'), 50);
  const run = (fn: (s: Store, flags: Flags) => Promise<string>) => async (flags: Flags): Promise<void> => {
    try {
      const out = await withStore(flags, commandLine(), (s) => fn(s, flags));
      process.stdout.write(out);
      setCode(0);
    } catch (e) {
      setCode(report(e));
    }
  };

  cmd('status', 'what the record holds').action((f: Flags) => run(async (s, o) => {
    const st = await ask.status(s.db);
    return formatRecord({ store: `${s.kind} ${s.location}`, ...st }, o.format);
  })(f));

  cmd('review', 'list proposals waiting for a decision, most corroborated first').option('--kind <kind>', 'quote, quantity, date, participation, event, actor or membership')
    .option('--after <id>', 'the next page: the claim id the last page ended on (c12)', (v) => claimId(v))
    .action((f: Flags & { kind?: string; after?: number }) => run(async (s, o) => formatRows(await ask.proposals(s.db, { kind: f.kind, limit: o.limit, after: f.after }), o.format))(f));

  for (const [name, state] of [['accept', 'accepted'], ['reject', 'rejected']] as const) {
    cmd(name, `${name} a proposal (c12 claim, a3 actor, m4 membership)`).argument('<ids...>').option('--if-version <n>', 'fail if the record changed since this version', (v) => positiveInt(v, '--if-version'))
      .action((ids: string[], f: Flags & { ifVersion?: number }) => run(async (s, o) => {
        const rows = [];
        for (const id of ids) rows.push(await decideRecord(s, id, state, currentUser(), f.ifVersion));
        return formatRows(rows.map((d) => ({ id: d.id, state: d.state, version: d.version })), o.format);
      })(f));
  }

  cmd('edit', 'correct a record: parley edit c12 --value 40, parley edit a3 --name "..."').argument('<id>')
    .allowUnknownOption().allowExcessArguments().option('--if-version <n>', 'fail if the record changed since this version', (v) => positiveInt(v, '--if-version'))
    .action((id: string, f: Flags & { ifVersion?: number }, c: Command) => run(async (s, o) => {
      const d = await editRecord(s, id, fieldPairs(c.args.filter((a) => a !== id)), currentUser(), f.ifVersion);
      return formatRows(d.changes.map((x) => ({ id: d.id, field: x.field, before: x.before, after: x.after, version: d.version })), o.format);
    })(f));

  cmd('actors', 'list actors; or: actors merge A B | actors alias A "name" | actors split A "name"')
    .argument('[action]', 'merge, alias or split').argument('[args...]').option('--kind <kind>', 'only actors of this kind (person, organization, government, ...)')
    .action((action: string | undefined, args: string[], f: Flags & { kind?: string }) => run(async (s, o) => {
      const by = currentUser();
      if (!action) return formatRows(await ask.actors(s.db, { kind: f.kind, limit: o.limit }), o.format);
      if (args.length !== 2) throw new ParleyError('BAD_ARGUMENT', `actors ${action} takes two arguments`);
      const [x, y] = args as [string, string];
      if (action === 'merge') { const r = await mergeActors(s, x, y, by); return `merged a${r.from} into a${r.into}\n`; }
      if (action === 'alias') { const r = await aliasActor(s, x, y, by); return `"${y}" now means a${r.actor}\n`; }
      if (action === 'split') { const r = await splitActor(s, x, y, by); return `"${y}" split from a${r.from} as a${r.actor}\n`; }
      throw new ParleyError('BAD_ARGUMENT', `unknown action "${action}": merge, alias or split`);
    })(f));

  cmd('actor', 'one actor: names, affiliations, documents, quotes').argument('<name>', 'a name, alias or id (a12)')
    .action((name: string, f: Flags) => run(async (s, o) => formatRecord(await showActor(s, name), o.format))(f));

  cmd('quotes', 'what was said, by whom, with its sources').option('--actor <name>', 'only quotes of this actor')
    .action((f: Flags & { actor?: string }) => run(async (s, o) => {
      const actorId = f.actor ? (await findActor(s.db, f.actor)).id : undefined;
      return formatRows(await ask.quotes(s.db, { actorId, limit: o.limit }), o.format);
    })(f));

  cmd('figures', 'reported figures, corroborated or contested').option('--contested', 'only figures with competing values')
    .action((f: Flags & { contested?: boolean }) => run(async (s, o) => formatRows(await ask.figures(s.db, { contested: f.contested, limit: o.limit }), o.format))(f));

  cmd('processes', 'negotiation processes: each round with its dates, venue, host and participation').option('--process <name>', 'only processes whose name, place or host holds this')
    .action((f: Flags & { process?: string }) => run(async (s, o) => {
      await ensureProcessRecord(s.db);
      return formatRows(await processRounds(s.db, { process: f.process, limit: o.limit }), o.format);
    })(f));

  cmd('timeline', 'rounds and events in date order, with their sources').option('--process <name>', 'only this process and its reports')
    .option('--from <date>', 'from this day, month or year (YYYY[-MM[-DD]])', (v) => isoPrefix(v, '--from')).option('--to <date>', 'up to this day, month or year', (v) => isoPrefix(v, '--to'))
    .action((f: Flags & { process?: string; from?: string; to?: string }) => run(async (s, o) => {
      await ensureProcessRecord(s.db);
      return formatRows(await timeline(s.db, { process: f.process, from: f.from, to: f.to, limit: o.limit }), o.format);
    })(f));

  cmd('commitments', 'commitments with their status over time (Peace Accords Matrix) and the events behind each change')
    .action((f: Flags) => run(async (s, o) => {
      await ensureProcessRecord(s.db);
      return formatRows(await commitments(s.db, { limit: o.limit }), o.format);
    })(f));

  cmd('search', 'full-text search over reports and claims').argument('<words...>')
    .action((words: string[], f: Flags) => run(async (s, o) => formatRows(await ask.search(s.db, words.join(' '), o.limit), o.format))(f));

  cmd('show', 'one record with its sources and history (d12, c45, a3, m6, or a commitment\'s k… id)').argument('<id>')
    .action((id: string, f: Flags) => run(async (s, o) => formatRecord(await showRecord(s, id), o.format))(f));
}

/** ["--value", "40", "--text=..."] → { value: "40", text: "..." }. */
export function fieldPairs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-zA-Z][\w-]*)(?:=(.*))?$/.exec(args[i]!);
    if (!m) throw new ParleyError('BAD_ARGUMENT', `expected --field value, not "${args[i]}"`);
    const field = m[1]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (m[2] !== undefined) out[field] = m[2];
    else {
      const v = args[++i];
      if (v === undefined) throw new ParleyError('BAD_ARGUMENT', `--${m[1]} needs a value`);
      out[field] = v;
    }
  }
  return out;
}

function isoPrefix(v: string, flag: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new ParleyError('BAD_ARGUMENT', `${flag} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
  return v;
}

function claimId(v: string): number {
  const m = /^c?(\d+)$/.exec(v);
  if (!m) throw new ParleyError('BAD_ARGUMENT', `--after must be a claim id (c12), not "${v}"`);
  return Number(m[1]);
}
