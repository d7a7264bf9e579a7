import {
  analyze,
  buildSnapshotContent,
  type SnapshotAnalysis,
  type SnapshotContent,
} from '@podreach/policy-engine';
import type { CliIo } from '../io';
import { readManifestSource, type ManifestFile } from './manifest-files';

/** A manifest tree read and analysed locally, as the server would after an upload. */
export interface LocalSnapshot {
  files: ManifestFile[];
  content: SnapshotContent;
  analysis: SnapshotAnalysis;
}

/**
 * Reads a manifest source and lets the engine parse, validate and model it. Throws the engine's
 * PARSE_ERROR or ValidationError (every problem), or a CliError for an unreadable path.
 */
export async function loadLocalSnapshot(source: string, io: CliIo): Promise<LocalSnapshot> {
  const files = await readManifestSource(source, io);
  const content = buildSnapshotContent(files);
  const analysis = analyze(content.objects, {
    complete: content.complete,
    incompleteReasons: content.incompleteReasons,
    warnings: content.warnings,
  });
  return { files, content, analysis };
}
