import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';

/**
 * Random GraphQL requests built from the committed `schema.gql`: operations that select random fields
 * with random arguments (valid values of the snapshots under test, random text, out-of-range numbers,
 * wrong types), aliases, fragments (cyclic ones too), deep nesting, and text damaged until it no longer
 * parses.
 */

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
const queryType = schema.getQueryType()!;

/** Values worth trying where a String or ID is expected, beyond random text. */
export interface GraphqlPools {
  ids: string[];
  strings: string[];
  /** The clusters of the snapshots under test: every `snapshots` list names one of them. */
  clusters: string[];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A GraphQL string literal; JSON escapes are GraphQL's too, except for lone surrogates (a syntax error). */
const literal = (text: string) => JSON.stringify(text.replace(LONE_SURROGATE, '\ufffd'));

/**
 * `valid`: queries the schema accepts, with random values of the right types, so that they reach the
 * resolvers; `sloppy`: also unknown fields and arguments, wrong types, out-of-range numbers, conflicts.
 */
export type QueryMode = 'valid' | 'sloppy';

interface Context {
  g: fc.GeneratorValue;
  pools: GraphqlPools;
  mode: QueryMode;
  /** Fields left to select, so that a query stays small. */
  fields: number;
  /** Aliases given so far, to tell them apart. */
  aliases: number;
}

const pick = <T>(c: Context, arbitrary: fc.Arbitrary<T>): T => c.g(() => arbitrary);
const oneIn = (c: Context, n: number) => pick(c, fc.nat(n - 1)) === 0;

const VALID_INTS = ['-1', '0', '1001', '1000', '2147483647', '-2147483648'];
const INVALID_INTS = ['2147483648', '-2147483649', '99999999999999999999', '1.5', '1e3', '"5"'];

function scalarValue(c: Context, name: string): string {
  const sloppy = c.mode === 'sloppy';
  switch (name) {
    case 'Int': {
      const special = [...VALID_INTS, ...(sloppy ? INVALID_INTS : [])];
      return pick(
        c,
        fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 0, max: 5 }).map(String) },
          fc.constantFrom(...special),
        ),
      );
    }
    case 'Boolean':
      return pick(c, fc.constantFrom('true', 'false', ...(sloppy ? ['"true"', '1', 'null'] : [])));
    case 'ID':
      return literal(
        pick(
          c,
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...c.pools.ids) },
            fc.uuid(),
            fc.string({ unit: 'binary', maxLength: 40 }),
          ),
        ),
      );
    default:
      return literal(
        pick(
          c,
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...c.pools.strings) },
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.constantFrom('', ' ', '\u0000', '😀'.repeat(100), 'x'.repeat(10_000)),
          ),
        ),
      );
  }
}

/** A literal for an argument of `type` (in sloppy mode, sometimes of another type). */
function inputValue(c: Context, type: GraphQLInputType, depth = 0): string {
  if (c.mode === 'sloppy' && oneIn(c, 20)) {
    return pick(c, fc.constantFrom('null', '42', '"text"', '[]', '{}', 'WRONG_ENUM', '$undefinedVariable'));
  }
  if (isNonNullType(type)) return inputValue(c, type.ofType, depth);
  if (isListType(type)) {
    const length = pick(c, fc.nat(depth > 1 ? 0 : 3));
    return `[${Array.from({ length }, () => inputValue(c, type.ofType, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    const wrong = c.mode === 'sloppy' ? ['tcp', 'ICMP', '"TCP"'] : values;
    return pick(c, fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, fc.constantFrom(...wrong)));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) || pick(c, fc.boolean()),
    );
    return `{ ${fields.map((field) => `${field.name}: ${inputValue(c, field.type, depth + 1)}`).join(', ')} }`;
  }
  return scalarValue(c, isScalarType(type) ? type.name : 'String');
}

function argumentsOf(c: Context, field: GraphQLField<unknown, unknown>): string {
  const sloppy = c.mode === 'sloppy';
  // Other test files share a PostgreSQL database: listing the snapshots of every cluster would reach theirs.
  if (field.name === 'snapshots' && field.args.some((arg) => arg.name === 'cluster')) {
    const first = pick(c, fc.constantFrom('', ', first: 1', ', first: 0'));
    return `(cluster: ${literal(pick(c, fc.constantFrom(...c.pools.clusters)))}${first})`;
  }
  const chosen = field.args.filter(
    (arg) => (isNonNullType(arg.type) && !(sloppy && oneIn(c, 10))) || pick(c, fc.boolean()),
  );
  const text = chosen.map((arg) => `${arg.name}: ${inputValue(c, arg.type)}`);
  if (sloppy && oneIn(c, 15)) text.push('notAnArgument: 1');
  return text.length === 0 ? '' : `(${text.join(', ')})`;
}

/** A selection set on `type`: a few fields with arguments, nested up to `depth`. */
function selection(c: Context, type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields());
  const count = pick(c, fc.integer({ min: 1, max: 4 }));
  const parts: string[] = [];
  const selected = new Set<string>();
  for (let i = 0; i < count && c.fields > 0; i++) {
    c.fields -= 1;
    const field = fields[pick(c, fc.nat(fields.length - 1))];
    const named = getNamedType(field.type);
    // A field selected twice needs an alias in a valid query, unless both have the same arguments.
    const aliased = c.mode === 'valid' ? selected.has(field.name) : oneIn(c, 4);
    selected.add(field.name);
    if (aliased) c.aliases += 1;
    const alias = aliased ? `f${c.aliases}: ` : '';
    const args = argumentsOf(c, field);
    if (!isObjectType(named)) parts.push(`${alias}${field.name}${args}`);
    else {
      const inner = depth > 0 ? selection(c, named, depth - 1) : '__typename';
      parts.push(`${alias}${field.name}${args} { ${inner} }`);
    }
  }
  if (c.mode === 'sloppy' && oneIn(c, 10)) parts.push('notAField');
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

/** A random query over the whole schema. */
export function randomQuery(pools: GraphqlPools, mode: QueryMode): fc.Arbitrary<string> {
  return fc.gen().map((g) => {
    const context: Context = { g, pools, mode, fields: 60, aliases: 0 };
    const depth = pick(context, fc.integer({ min: 0, max: 6 }));
    return `query Fuzz { ${selection(context, queryType, depth)} }`;
  });
}

/** Requests shaped to hit the limits: deep nesting, many aliases, fragment cycles, huge pages. */
export function abusiveQuery(pools: GraphqlPools): fc.Arbitrary<string> {
  const id = literal(pools.ids[0]);
  return fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((levels) => {
      const inner = Array.from({ length: levels }).reduce<string>(
        (acc) => `workload { pods { nodes { ${acc} } } }`,
        'name',
      );
      return `{ snapshot(id: ${id}) { pods { nodes { ${inner} } } } }`;
    }),
    fc
      .integer({ min: 1, max: 300 })
      .map(
        (count) =>
          `{ ${Array.from({ length: count }, (_, i) => `s${i}: snapshot(id: ${id}) { id }`).join(' ')} }`,
      ),
    fc.constantFrom(
      `{ snapshot(id: ${id}) { ...A } } fragment A on Snapshot { id ...B } fragment B on Snapshot { label ...A }`,
      `{ snapshot(id: ${id}) { ...A } } fragment A on Snapshot { ...A }`,
      `{ snapshot(id: ${id}) { ...Missing } }`,
      `{ snapshot(id: ${id}) { ...W } } fragment W on Workload { name }`,
      `query A { clusters { totalCount } } query B { clusters { totalCount } }`,
      `subscription { clusters { totalCount } }`,
      `mutation { deleteEverything }`,
      `{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }`,
      `{ __type(name: "Snapshot") { name } __typename }`,
    ),
    fc
      .integer({ min: 1001, max: 2 ** 31 - 1 })
      .map(
        (first) =>
          `{ snapshot(id: ${id}) { workloads(first: ${first}) { nodes { pods(first: ${first}) { totalCount } } } } }`,
      ),
    fc
      .constantFrom(10, 100, 1000)
      .map(
        (first) =>
          `{ snapshot(id: ${id}) { connectivity(first: ${first}) { connections(first: ${first}) { nodes { src { text } } } } workloads(first: ${first}) { nodes { ingress(first: ${first}) { peers(first: ${first}) { totalCount } } } } } }`,
      ),
  );
}

/** `query` with its text damaged: truncated, characters dropped, inserted or swapped. */
export function damagedQuery(query: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      query,
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom('truncate', 'drop', 'insert'),
          fc.constantFrom(...'{}()[]:$@!"\\#.…\u0000'),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([text, edits]) =>
      edits.reduce((out, [at, op, char]) => {
        const i = out.length === 0 ? 0 : at % out.length;
        if (op === 'truncate') return out.slice(0, i);
        if (op === 'drop') return out.slice(0, i) + out.slice(i + 1);
        return out.slice(0, i) + char + out.slice(i);
      }, text),
    );
}
