import { EngineError } from '../errors';
import type { ConnectivityListing } from '../evaluate/answers';
import { coalesce } from './chunks';
import { renderConnectivityCsv } from './connectivity-csv.formatter';
import { renderConnectivityDot } from './connectivity-dot.formatter';
import { renderConnectivityJson } from './connectivity-json.formatter';
import { renderConnectivityMd } from './connectivity-md.formatter';
import { renderConnectivityTxt } from './connectivity-txt.formatter';
import { CONNECTIVITY_FORMATS, isConnectivityFormat, type ConnectivityFormat } from './formats';
import type { ConnectivityContext, Formatter } from './formatter';

const CONNECTIVITY_FORMATTERS: Readonly<
  Record<ConnectivityFormat, Formatter<ConnectivityListing, ConnectivityContext>>
> = {
  json: renderConnectivityJson,
  txt: renderConnectivityTxt,
  md: renderConnectivityMd,
  csv: renderConnectivityCsv,
  dot: renderConnectivityDot,
};

/**
 * Renders a connectivity answer in one format. Renders incrementally: yields chunks of about 16 KiB so the API
 * can stream a huge answer instead of building one string; joined, the chunks are the whole document.
 * An unknown format (an unchecked query argument) is a `BAD_USER_INPUT` error, thrown at once.
 */
export function renderConnectivity(
  answer: ConnectivityListing,
  format: ConnectivityFormat,
  context: ConnectivityContext,
): Iterable<string> {
  if (!isConnectivityFormat(format)) {
    throw new EngineError('BAD_USER_INPUT', `Unknown format "${String(format)}"`, {
      expected: CONNECTIVITY_FORMATS,
    });
  }
  return coalesce(CONNECTIVITY_FORMATTERS[format](answer, context));
}
