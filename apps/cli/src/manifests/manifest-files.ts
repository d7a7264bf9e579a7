import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';

/** One text to parse and the name problems and warnings give it (its path, or `stdin`). */
export interface ManifestFile {
  name: string;
  text: string;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function unreadable(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES'
        ? 'permission denied'
        : (error as Error).message;
  return new CliError(`cannot read ${path}: ${reason}`);
}

/** Manifest files under a folder, depth first in name order so every run reads them alike. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Dot-directories hold tooling (.git, .github, .terraform), never the manifests under review.
    if (entry.isDirectory() && !entry.name.startsWith('.')) files.push(...(await filesUnder(path)));
    else if (entry.isFile() && isManifestName(entry.name)) files.push(path);
  }
  return files;
}

/**
 * The texts of a manifest source: `-` for standard input, one file of any name, or every `*.yaml`, `*.yml`
 * and `*.json` file under a folder (recursively, skipping dot-directories). An unreadable path is a CliError.
 */
export async function readManifestSource(source: string, io: CliIo): Promise<ManifestFile[]> {
  if (source === '-') return [{ name: 'stdin', text: await io.readStdin() }];
  try {
    const info = await stat(source);
    const paths = info.isDirectory() ? await filesUnder(source) : [source];
    return await Promise.all(paths.map(async (name) => ({ name, text: await readFile(name, 'utf8') })));
  } catch (error) {
    throw unreadable((error as NodeJS.ErrnoException).path ?? source, error);
  }
}
