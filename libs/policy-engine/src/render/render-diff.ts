import type { DiffAnswer } from '../diff/diff-answer';
import { EngineError } from '../errors';
import { coalesce } from './chunks';
import type { DiffContext } from './diff-context';
import { renderDiffCsv } from './diff-csv.formatter';
import { renderDiffDot } from './diff-dot.formatter';
import { renderDiffJson } from './diff-json.formatter';
import { renderDiffMd } from './diff-md.formatter';
import { renderDiffTxt } from './diff-txt.formatter';
import { CONNECTIVITY_FORMATS, isConnectivityFormat, type ConnectivityFormat } from './formats';
import type { Formatter } from './formatter';

/** The diff answer offers the same formats, with the same content types, as the connectivity answer. */
export type DiffFormat = ConnectivityFormat;

const DIFF_FORMATTERS: Readonly<Record<DiffFormat, Formatter<DiffAnswer, DiffContext>>> = {
  json: renderDiffJson,
  txt: renderDiffTxt,
  md: renderDiffMd,
  csv: renderDiffCsv,
  dot: renderDiffDot,
};

/**
 * Renders a diff answer in one format, in chunks of about 16 KiB (joined, the whole document), so the API can
 * stream it. An unknown format is a `BAD_USER_INPUT` error, thrown at once.
 */
export function renderDiff(
  answer: DiffAnswer,
  format: DiffFormat,
  context: DiffContext = {},
): Iterable<string> {
  if (!isConnectivityFormat(format)) {
    throw new EngineError('BAD_USER_INPUT', `Unknown format "${String(format)}"`, {
      expected: CONNECTIVITY_FORMATS,
    });
  }
  return coalesce(DIFF_FORMATTERS[format](answer, context));
}
