import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType, type Complexity } from '@nestjs/graphql';
import { EngineError } from '@podreach/policy-engine';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './graphql-limits';

@ObjectType({ description: 'Where a page ends and whether more follow' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;
}

/** `first` and `after` of every paged field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string;
}

/** A page of items, connection-style: the nodes, where the page ends, and how many there are in all. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The GraphQL type of a page of `classRef` items. */
export function PageOf<T>(classRef: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class PageType implements Page<T> {
    @Field(() => [classRef])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items in all pages' })
    totalCount!: number;
  }
  return PageType as Type<Page<T>>;
}

/** The size of a page asked for; BAD_USER_INPUT beyond MAX_PAGE_SIZE or below `min`. */
export function pageSize(first: number | undefined | null, min = 0): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < min || size > MAX_PAGE_SIZE) {
    throw new EngineError('BAD_USER_INPUT', `first must be from ${min} to ${MAX_PAGE_SIZE}`, {
      field: 'first',
      max: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/**
 * Cost estimate of a paged field for the cost limit: its selection counted once per item asked for, so
 * nested pages multiply. A field computing an analysis adds `base`.
 */
export function pagedComplexity(base = 1): Complexity {
  return ({ args, childComplexity }) =>
    base + Math.min(Number(args.first ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE + 1) * childComplexity;
}

// In-memory lists are paged by offset; the cursor is opaque to clients but checked strictly.
const encodeOffset = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');

function decodeOffset(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^o\d{1,9}$/.test(text)) {
    throw new EngineError('BAD_USER_INPUT', 'after is not a valid cursor', { field: 'after' });
  }
  return Number(text.slice(1));
}

/** Where the page asked for starts in its list, and how many items it holds at most. */
export function pageWindow(args: PageArgs): { start: number; size: number } {
  const size = pageSize(args.first);
  const start = args.after === undefined || args.after === null ? 0 : decodeOffset(args.after);
  return { start, size };
}

/** The page of the items of a list of `total` that start at `start` (a `pageWindow`, cut where the list ends). */
export function pageAt<R>(nodes: R[], start: number, total: number): Page<R> {
  const end = start + nodes.length;
  return {
    nodes,
    pageInfo: { hasNextPage: end < total, endCursor: nodes.length > 0 ? encodeOffset(end) : null },
    totalCount: total,
  };
}

/** One page of an in-memory list (an answer already computed, or the snapshot's workloads). */
export function pageOf<T, R = T>(items: readonly T[], args: PageArgs, map?: (item: T) => R): Page<R> {
  const { start, size } = pageWindow(args);
  const slice = items.slice(start, start + size);
  return pageAt(map ? slice.map(map) : (slice as unknown as R[]), start, items.length);
}
