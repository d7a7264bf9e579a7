/**
 * The service as operators run it: `apps/api/src/main.ts` in a process of its own on loopback, which a test
 * can SIGKILL and start again on the same port and database (crash tests, load tests).
 *
 * Nothing is built into the repository's `dist/`: `compileService` compiles the sources with SWC, as vitest
 * does (decorator metadata included), into a scratch folder under `node_modules/.cache`. That takes about a
 * quarter of a second where `tsc` takes seven; the compiled `main.js` then starts like `npm start`'s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { transformFile, type Options } from '@swc/core';

/** What `main.ts` reaches: the service, the engine and the generated Prisma client. */
const SOURCE_ROOTS = ['apps/api/src', 'libs/policy-engine/src', 'prisma/generated'];
/** Start-up takes about 3 s on an idle 2-core machine; this only stops a hung start from hanging the caller. */
const READY_TIMEOUT_MS = 90_000;
const READY_POLL_MS = 50;
/** The tail of the service's stdout and stderr kept for error messages. */
const OUTPUT_TAIL_CHARS = 16_384;

export interface CompiledService {
  /** The compiled `apps/api/src/main.js`. */
  entry: string;
  /** The scratch folder, a good working directory for the service (it writes `schema.gql` there). */
  dir: string;
  /** Deletes the compiled files. */
  remove(): void;
}

/** Compiled copies are named after the process that made them: `podreach-service-<pid>-<random>`. */
const COMPILED_DIR = /^podreach-service-(\d+)-/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the compiled copies of processes that have ended without calling `remove()`, as test workers that
 * are stopped rather than exit do; copies of running processes are left alone.
 */
function removeOrphanedCopies(cache: string): void {
  for (const name of readdirSync(cache)) {
    const pid = Number(COMPILED_DIR.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

/**
 * Compiles the service's sources into a new folder under `node_modules/.cache`. The folder lies inside the
 * repository on purpose: the service finds `prisma/migrations` and `node_modules` by walking up from itself.
 */
export async function compileService(repo = join(__dirname, '..', '..')): Promise<CompiledService> {
  const cache = join(repo, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  removeOrphanedCopies(cache);
  const dir = mkdtempSync(join(cache, `podreach-service-${process.pid}-`));
  const options: Options = {
    swcrc: false,
    configFile: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      transform: { legacyDecorator: true, decoratorMetadata: true },
      baseUrl: repo,
      paths: { '@podreach/policy-engine': ['./libs/policy-engine/src/index.ts'] },
    },
  };
  const sources = SOURCE_ROOTS.flatMap((root) =>
    readdirSync(join(repo, root), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /(?<!\.spec|\.d)\.ts$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  await Promise.all(
    sources.map(async (source) => {
      const { code } = await transformFile(source, options);
      const target = join(dir, relative(repo, source)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  return {
    entry: join(dir, 'apps', 'api', 'src', 'main.js'),
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A fresh admin API key for `PODREACH_ADMIN_KEY`: 40 characters in the `prk_` shape of podreach's keys.
 * Sent as a bearer token on every request, it is harmless where auth is off.
 */
export function testAdminKey(): string {
  return `prk_${randomBytes(18).toString('hex')}`;
}

export interface ServiceProcessOptions {
  /** The compiled `main.js` (see `compileService`, or `dist/apps/api/src/main.js` after a build). */
  entry: string;
  /** The service's environment besides PATH, PORT, HOST and the admin key: nothing else of the caller's leaks in. */
  env: Record<string, string>;
  /** Kept across restarts, so that clients keep one URL. */
  port: number;
  adminKey: string;
  cwd?: string;
  /** Where to append everything the service prints, across restarts; only the tail is kept otherwise. */
  logFile?: string;
}

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One service on a fixed port, started and stopped as often as a test likes: `start()` spawns a process and
 * resolves when `/readyz` answers 200; `kill()` sends SIGKILL, `stop()` SIGTERM, and both resolve once the
 * process is gone. A process still running when the caller exits is killed with it.
 */
export class ServiceProcess {
  readonly url: string;
  private child?: ChildProcess;
  private exit?: Promise<ServiceExit>;
  private tail = '';

  constructor(private readonly options: ServiceProcessOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** `Authorization` for every request; auth ignores it while off. */
  get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.options.adminKey}` };
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** The last lines the service printed, for error messages. */
  get output(): string {
    return this.tail;
  }

  /** Spawns the service without waiting for it; `ready()` waits. */
  spawn(): void {
    if (this.child) throw new Error('the service is already running');
    const child = spawn(process.execPath, [this.options.entry], {
      cwd: this.options.cwd,
      env: {
        PATH: process.env.PATH,
        ...this.options.env,
        HOST: '127.0.0.1',
        PORT: String(this.options.port),
        PODREACH_ADMIN_KEY: this.options.adminKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { logFile } = this.options;
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
      if (logFile) appendFileSync(logFile, chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const killWithCaller = () => child.kill('SIGKILL');
    process.once('exit', killWithCaller);
    this.child = child;
    this.exit = once(child, 'exit').then(([code, signal]) => {
      process.off('exit', killWithCaller);
      if (this.child === child) this.child = undefined;
      return { code, signal } as ServiceExit;
    });
  }

  /** Resolves when `/readyz` answers 200; rejects when the process ends first or start-up hangs. */
  async ready(): Promise<void> {
    const exit = this.exit;
    if (!this.child || !exit) throw new Error('the service is not running');
    let ended: ServiceExit | undefined;
    void exit.then((result) => (ended = result));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (ended) {
        throw new Error(`the service ended while starting (${describeExit(ended)}):\n${this.tail}`);
      }
      if (await this.answersReady()) return;
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
    throw new Error(`the service was not ready after ${READY_TIMEOUT_MS} ms:\n${this.tail}`);
  }

  /** Spawns the service and waits until it is ready. */
  async start(): Promise<void> {
    this.spawn();
    await this.ready();
  }

  /** SIGKILL: the process ends at once, mid-request, mid-transaction, wherever it is. */
  kill(): Promise<ServiceExit | undefined> {
    return this.signal('SIGKILL');
  }

  /** SIGTERM: the service shuts down gracefully. */
  stop(): Promise<ServiceExit | undefined> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<ServiceExit | undefined> {
    const { child, exit } = this;
    if (!child || !exit) return undefined;
    child.kill(signal);
    return exit;
  }

  private async answersReady(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/readyz`, { headers: this.headers });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }
}

function describeExit(exit: ServiceExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
