/** Command-line options of `npm run loadtest`. */

export interface LoadArgs {
  /** Seconds of load in total, the restarts not counted. */
  durationSeconds: number;
  /** SIGKILL + restart cycles, each while uploads are in flight. */
  kills: number;
  /** Seeds the generated clusters, the segment lengths and the kill delays. */
  seed: number;
  /** Any database URL of the PostgreSQL server that receives `podreach_loadtest`. */
  adminDatabaseUrl: string;
}

export const USAGE = `npm run loadtest -- [--duration SECONDS] [--kills N] [--seed N] [--database-url URL]
  --duration      seconds of concurrent uploads and queries, restarts not counted (default 60)
  --kills         SIGKILL + restart cycles during uploads (default 50; 0 for load alone)
  --seed          seed of the generated clusters and the kill timing (default 1)
  --database-url  PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres); the database
                  podreach_loadtest on it is dropped and recreated, and dropped again after a clean run`;

const DEFAULTS: LoadArgs = {
  durationSeconds: 60,
  kills: 50,
  seed: 1,
  adminDatabaseUrl: 'postgresql://postgres@127.0.0.1:5432/postgres',
};

/** Parses `argv` (without node and the script); throws an Error with a message for people. */
export function parseLoadArgs(argv: readonly string[]): LoadArgs {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--duration':
        args.durationSeconds = wholeNumber(flag, value(), 1);
        break;
      case '--kills':
        args.kills = wholeNumber(flag, value(), 0);
        break;
      case '--seed':
        args.seed = wholeNumber(flag, value(), 0);
        break;
      case '--database-url':
        args.adminDatabaseUrl = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min)
    throw new Error(`${flag} needs a whole number of at least ${min}, not ${text}`);
  return n;
}
