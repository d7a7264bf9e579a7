import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The engine's sources (TypeScript under test, JavaScript when built): same place relative to this file. */
const ENGINE_DIR = resolve(__dirname, '../../../../libs/policy-engine/src');

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return engineFiles(path);
      return /\.(ts|js)$/.test(entry.name) && !/\.spec\.(ts|js)$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

let cached: string | undefined;

/**
 * A fingerprint of the running engine: the SHA-256 of its code. Stored answers are keyed by it, so that an
 * engine that answers differently never serves what an older one computed. Any change of the engine's code
 * retires the stored answers, which is conservative on purpose: a forgotten manual version bump would not be.
 */
export function engineVersion(dir: string = ENGINE_DIR): string {
  if (dir === ENGINE_DIR && cached !== undefined) return cached;
  const hash = createHash('sha256');
  for (const file of engineFiles(dir)) {
    hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  if (dir === ENGINE_DIR) cached = version;
  return version;
}
