import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A file of test/fixtures as text. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
}
