import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';

type Message = Parameters<Parameters<Parser['parse']>[1]>[0];

/**
 * node-postgres' connection, over an embedded PGlite instead of a socket: what `pg` would write
 * to the server goes to PGlite's wire protocol, and PGlite's answers come back as the messages a
 * server would send. Unlike the adapter PGlite ships (@electric-sql/pglite/node-postgres), the
 * messages of one query (parse, bind, describe, execute, sync) are handed over together, as `pg`
 * corks them on a socket: one call into PGlite per query rather than five; and they are written
 * and read with `pg`'s own protocol code, which measures and copies strings natively.
 */
export class PgliteConnection extends EventEmitter {
  // Read by pg's Client and Query, as on its own Connection.
  _connecting = false;
  readonly stream = { destroy: (): void => this.end() };
  readonly parsedStatements: Record<string, string> = {};
  readonly submittedNamedStatements: Record<string, string> = {};
  private queued: Buffer[] = [];
  /** Calls into PGlite, one at a time, in the order `pg` sent them. */
  private chain: Promise<unknown>;
  private readonly parser = new Parser();

  constructor(private readonly pglite: PGlite) {
    super();
    this.chain = pglite.waitReady;
  }

  async connect(): Promise<void> {
    this._connecting = true;
    await this.pglite.waitReady;
    // No start-up exchange: PGlite is ready, which a server says with ReadyForQuery.
    process.nextTick(() => this.emit('readyForQuery'));
  }

  query(text: string): void { this.send(serialize.query(text), true); }
  parse(query: Parameters<typeof serialize.parse>[0]): void { this.send(serialize.parse(query)); }
  bind(config: Parameters<typeof serialize.bind>[0]): void { this.send(serialize.bind(config)); }
  describe(msg: Parameters<typeof serialize.describe>[0]): void { this.send(serialize.describe(msg)); }
  execute(config: Parameters<typeof serialize.execute>[0]): void { this.send(serialize.execute(config)); }
  close(msg: Parameters<typeof serialize.close>[0]): void { this.send(serialize.close(msg)); }
  sync(): void { this.send(serialize.sync(), true); }
  flush(): void { this.send(serialize.flush(), true); }
  sendCopyFromChunk(chunk: Buffer): void { this.send(serialize.copyData(chunk), true); }
  endCopyFrom(): void { this.send(serialize.copyDone(), true); }
  sendCopyFail(msg: string): void { this.send(serialize.copyFail(msg), true); }
  // Nothing to authenticate, cancel or keep the process alive for.
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  end(): void {
    this.chain = this.chain.then(() => { this.emit('end'); });
    for (const name of this.eventNames()) if (name !== 'newListener') this.removeAllListeners(name);
  }

  /** Queues a message; a message that ends a query sends everything queued in one call. */
  private send(message: Buffer, now = false): void {
    this.queued.push(message);
    if (!now) return;
    const input = this.queued.length === 1 ? this.queued[0]! : Buffer.concat(this.queued);
    this.queued = [];
    this.chain = this.chain
      .then(async () => {
        // PGlite's raw call would also parse the answers itself and keep them: read the stream.
        const chunks: Buffer[] = [];
        await this.pglite.execProtocolRawStream(input, { onRawData: (data) => { chunks.push(Buffer.from(data)); } });
        for (const chunk of chunks) this.parser.parse(chunk, (m: Message) => { this.emit(m.name === 'error' ? 'errorMessage' : m.name, m); });
      })
      .catch((e: unknown) => { this.emit('error', e); });
  }
}

/** A node-postgres pool configuration whose clients talk to this PGlite, as PGlite's own adapter makes it. */
export function pglitePoolConfig(pglite: PGlite): Record<string, unknown> {
  return { connection: new PgliteConnection(pglite), poolSize: 1, user: 'postgres', database: 'postgres', password: 'dummy', host: 'localhost', port: 5432 };
}
