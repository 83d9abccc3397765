import type { Readable } from 'node:stream';
import type { Client, Connection, Submittable } from 'pg';

/** The parts of pg's connection that speak the COPY sub-protocol (present at runtime, absent from its typings). */
interface CopyConnection {
  readonly stream: NodeJS.WritableStream & { readonly writableNeedDrain: boolean };
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * `COPY … FROM STDIN` fed from a stream, as a query pg's client runs in
 * turn: the client hands over its connection when the server asks for the
 * data. Backpressure follows the socket, so a large file is never held in memory.
 */
class CopyFromStdin implements Submittable {
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };
  private failure: Error | undefined;
  private rows = 0;

  constructor(
    private readonly sql: string,
    private readonly source: Readable,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: Connection): void {
    (connection as unknown as CopyConnection).query(this.sql);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    const socket = connection.stream;
    this.source.on('data', (chunk: Buffer) => {
      connection.sendCopyFromChunk(chunk);
      if (socket.writableNeedDrain) {
        this.source.pause();
        socket.once('drain', () => this.source.resume());
      }
    });
    this.source.once('end', () => connection.endCopyFrom());
    this.source.once('error', (error) => {
      this.failure = error;
      connection.sendCopyFail(error.message);
    });
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rows = Number(/COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleError(error: Error): void {
    this.failure ??= error;
  }

  handleReadyForQuery(): void {
    if (this.failure) this.settle.reject(this.failure);
    else this.settle.resolve(this.rows);
  }

  // Messages a COPY FROM never receives; pg's client calls them on whatever query is active.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Streams `source` into `COPY … FROM STDIN`; resolves with the rows the server reports. */
export function copyFrom(client: Client, sql: string, source: Readable): Promise<number> {
  const copy = new CopyFromStdin(sql, source);
  client.query(copy);
  return copy.done;
}
