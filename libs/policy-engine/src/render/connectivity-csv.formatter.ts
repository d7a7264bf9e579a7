import type { ConnectivityListing } from '../evaluate/answers';
import { peerText } from '../evaluate/peer-text';
import { csvRecord } from './csv-field';

/**
 * The `format=csv` connectivity table: header `src,dst,conn,partial`, then one record per connection with the
 * peers' and the connection set's text forms and `partial` as `true` or `false`. RFC 4180 has no comments, so
 * completeness and warnings are left to the `md` and `json` formats.
 */
export function* renderConnectivityCsv(answer: ConnectivityListing): Iterable<string> {
  yield csvRecord(['src', 'dst', 'conn', 'partial']);
  for (const connection of answer.connections) {
    yield csvRecord([
      peerText(connection.src),
      peerText(connection.dst),
      connection.conn.text,
      connection.partial ? 'true' : 'false',
    ]);
  }
}
