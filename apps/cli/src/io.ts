/**
 * Everything the CLI touches outside itself. Commands get it as an argument, so tests run them in-process
 * with captured output, a fake stdin and a fake server instead of spawning processes for every case.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input as UTF-8 text (for `-` sources). */
  readStdin(): Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The real process: its streams, environment and the global fetch of Node 20. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    env: process.env,
    fetch: globalThis.fetch,
  };
}
