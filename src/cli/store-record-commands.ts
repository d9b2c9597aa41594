import type { Command } from 'commander';

/** Review and query commands on the record (filled in by the next steps). */
export function registerRecordCommands(_program: Command, _setCode: (code: number) => void): void {}
