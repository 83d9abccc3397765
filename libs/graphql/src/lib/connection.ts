import { type Type } from '@nestjs/common';
import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { badInput } from '@egov/errors';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { msg } from './bilingual-validation';

/** Shared by every subgraph's connections, hence shareable. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: msg('first 至少为 1', 'first must be at least 1') })
  @Max(100, { message: msg('first 最多为 100', 'first must be at most 100') })
  first = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `node` (`XConnection` with `XEdge`). */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass;
}

const CURSOR_PREFIX = 'offset:';

/** Position after which the page starts; validates the opaque cursor. */
export function offsetAfter(after: string | undefined): number {
  if (after === undefined) return 0;
  const decoded = Buffer.from(after, 'base64url').toString('utf8');
  const offset = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw badInput('INVALID_CURSOR', [{ field: 'after', message: { zh: '游标无效，请使用上一页返回的 endCursor', en: 'is not a cursor this list returned; use the previous page’s endCursor' } }]);
  }
  return offset + 1;
}

function cursorAt(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Builds a connection from one page of rows starting at `start` out of `totalCount`. */
export function toConnection<T>(rows: readonly T[], start: number, totalCount: number): Connection<T> {
  const edges = rows.map((node, index) => ({ cursor: cursorAt(start + index), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: start + rows.length < totalCount,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
