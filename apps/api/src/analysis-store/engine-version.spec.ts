import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineVersion } from './engine-version';

let dir: string;

function engine(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'podreach-engine-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('engineVersion', () => {
  it('is the same for the same code', () => {
    const a = engineVersion(engine({ 'index.ts': 'export {}', 'sets/port-set.ts': 'a' }));
    expect(engineVersion(dir)).toBe(a);
  });

  it('changes with any change of the code, but not with tests beside it', () => {
    const before = engineVersion(engine({ 'index.ts': 'export {}', 'sets/port-set.ts': 'a' }));
    writeFileSync(join(dir, 'sets/port-set.spec.ts'), 'test');
    expect(engineVersion(dir)).toBe(before);
    writeFileSync(join(dir, 'sets/port-set.ts'), 'b');
    expect(engineVersion(dir)).not.toBe(before);
  });

  it('fingerprints the running engine', () => {
    expect(engineVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
