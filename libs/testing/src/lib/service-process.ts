import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcessOptions {
  readonly name: string;
  /** Entry point relative to the repository root, e.g. `apps/reviews/src/main.ts`. */
  readonly entry: string;
  readonly port: number;
  readonly env: Record<string, string>;
  readonly readyTimeoutMs?: number;
  /** Also print the process's output, each line prefixed with its name. */
  readonly echo?: boolean;
}

/**
 * One service as its own OS process, started from source the way an operator
 * would run it; it can be killed at any moment (SIGKILL included) and started
 * again, to test what survives.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  private readonly log: string[] = [];
  private extraEnv: Record<string, string> = {};

  constructor(private readonly options: ServiceProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get graphqlUrl(): string {
    return `${this.url}/graphql`;
  }

  /** The last lines the process wrote, for failure messages. */
  tail(lines = 40): string {
    return this.log.slice(-lines).join('\n');
  }

  async start(envOverrides: Record<string, string> = {}): Promise<void> {
    this.extraEnv = { ...this.extraEnv, ...envOverrides };
    const child = spawn(process.execPath, [path.join(root, 'tools/run-ts.js'), this.options.entry], {
      cwd: root,
      env: { ...process.env, ...this.options.env, ...this.extraEnv, PORT: String(this.options.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const collect = (chunk: Buffer) => {
      const lines = chunk.toString('utf8').split('\n').filter(Boolean);
      if (this.options.echo) for (const line of lines) process.stdout.write(`[${this.options.name}] ${line}\n`);
      this.log.push(...lines);
      if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await this.waitUntilReady();
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 90_000);
    let exitCode: number | null | undefined;
    void this.exited?.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`${this.options.name} exited with ${exitCode} before it was ready:\n${this.tail()}`);
      try {
        const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.options.name} was not ready within the timeout:\n${this.tail()}`);
  }

  /** Sends `signal` and waits for the process to end (SIGKILL: no shutdown code runs). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    await this.exited;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }
}
