import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Where an export or a brief goes: a file or standard output, written with backpressure (constant memory). */
export interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

/** Writes to a stream, waiting for 'drain' when its buffer is full. */
export function streamSink(out: NodeJS.WritableStream, own: boolean): Sink {
  return {
    async write(s) {
      if (!out.write(s)) await once(out, 'drain');
    },
    async close() {
      if (!own) return;
      const ws = out as WriteStream;
      ws.end();
      await once(ws, 'finish');
    },
  };
}

/** A file (created or truncated), or standard output for undefined and '-'. */
export function fileSink(path: string | undefined): Sink {
  if (path === undefined || path === '-') return streamSink(process.stdout, false);
  return streamSink(createWriteStream(path), true);
}

/** A sink that keeps what is written: tests and small outputs. */
export function memorySink(): Sink & { text(): string } {
  const parts: string[] = [];
  return { async write(s) { parts.push(s); }, async close() {}, text: () => parts.join('') };
}
