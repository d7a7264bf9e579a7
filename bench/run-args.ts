/** Command-line options of `npm run bench`. */
import { isSizeName, type SizeName } from './generator';

export interface RunOptions {
  sizes: SizeName[];
  seed: number;
  /** Where to write the figures as JSON, for comparing runs. */
  jsonFile?: string;
  /** Per stage; default by size. */
  timeoutSeconds?: number;
  /** Any database URL of the PostgreSQL server that receives the stages' `podreach_bench_<pid>` databases. */
  adminDatabaseUrl: string;
}

export const USAGE = `npm run bench -- [--size S|M|L|XL]... [--json FILE] [--seed N] [--timeout SECONDS] [--database-url URL]
  --size      a cluster size to run; repeatable (default: S and M)
  --json      also write the figures to FILE as JSON
  --seed      generator seed (default 1): the same seed gives the same cluster
  --timeout   seconds each stage (prepare, engine, ingest, api, lag) of a size may take before it is stopped
  --database-url  PostgreSQL server for the ingest, API and lag figures (default postgres://postgres@127.0.0.1:5432/postgres;
              each service stage creates its own database podreach_bench_<pid> on it and drops it after)`;

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Parses `argv` (without node and the script); throws an Error with a message for people. */
export function parseRunArgs(argv: readonly string[]): RunOptions {
  const options: RunOptions = { sizes: [], seed: 1, adminDatabaseUrl: DEFAULT_ADMIN_URL };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--size': {
        const size = value().toUpperCase();
        if (!isSizeName(size)) throw new Error(`unknown size ${size}: use S, M, L or XL`);
        if (!options.sizes.includes(size)) options.sizes.push(size);
        break;
      }
      case '--json':
        options.jsonFile = value();
        break;
      case '--seed':
        options.seed = positiveInteger(flag, value());
        break;
      case '--timeout':
        options.timeoutSeconds = positiveInteger(flag, value());
        break;
      case '--database-url':
        options.adminDatabaseUrl = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (options.sizes.length === 0) options.sizes = ['S', 'M'];
  return options;
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, not ${text}`);
  return n;
}
