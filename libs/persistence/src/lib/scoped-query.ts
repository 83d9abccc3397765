import { type CallerScope, narrowRegionFilter, type OrganizationLocation, regionFilterFor, type RegionFilter } from '@egov/auth';
import { isUUID } from 'class-validator';
import { type DataSource, type EntityTarget, type FindOptionsWhere, In } from 'typeorm';

/** The WHERE clause of a list query, built clause by clause with numbered parameters. */
export class QueryConditions {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** A region slice on `column`: the province, a city's prefix, one county, or nothing. */
  region(column: string, filter: RegionFilter): this {
    if (filter.kind === 'prefix') this.add(`${column} LIKE ${this.param(`${filter.prefix}%`)}`);
    else if (filter.kind === 'exact') this.add(`${column} = ${this.param(filter.code)}`);
    else if (filter.kind === 'none') this.add('false');
    return this;
  }

  /**
   * What the caller may see, the organization tree read from the table
   * `columns.tree` (id, parent_id): an officer's own unit and every unit below it
   * (those inside `requestedRegion`, if given); a regional or provincial
   * caller their region, narrowed to `requestedRegion` if it lies inside
   * (otherwise the request is refused).
   */
  scope(scope: CallerScope, columns: { readonly organizationId: string; readonly regionCode: string; readonly tree: string }, requestedRegion?: string): this {
    if (scope.kind === 'organization') {
      // A unit's officer asking for a region gets what of their units lies in it.
      if (requestedRegion !== undefined) this.region(columns.regionCode, regionFilterFor(requestedRegion));
      return this.add(`${columns.organizationId} IN (${this.unitsBelow(columns.tree, scope.organizationId)})`);
    }
    return this.region(columns.regionCode, narrowRegionFilter(scope, requestedRegion));
  }

  /**
   * A subquery of a unit's id and the ids of every unit below it in the tree
   * table `tree` (id, parent_id). UNION, not UNION ALL: a replica applying two
   * moves out of order may hold a loop for a moment, and the walk must still end.
   */
  unitsBelow(tree: string, organizationId: string): string {
    return `WITH RECURSIVE below AS (
        SELECT id FROM ${tree} WHERE id = ${this.param(organizationId)}
        UNION SELECT o.id FROM ${tree} o JOIN below b ON o.parent_id = b.id
      ) SELECT id FROM below`;
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export interface PageQuery {
  /** The FROM clause with its joins; the listed entity's alias is `idColumn`'s prefix. */
  readonly from: string;
  readonly where: QueryConditions;
  readonly idColumn: string;
  readonly orderBy: string;
  /** Further columns per row, each aliased in double quotes to the property it fills. */
  readonly extras?: string;
}

/**
 * One page of a list: the total, the page's ids in order, then the entities
 * themselves through their repository (so encrypted columns read as usual),
 * each with the extra columns of its row.
 */
export async function pageOf<T extends { id: string }, X extends object = object>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  query: PageQuery,
  offset: number,
  limit: number,
): Promise<[(T & X)[], number]> {
  const { from, where, idColumn, orderBy, extras } = query;
  const [count] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${from} ${where.sql}`, where.params);
  const page = await dataSource.query<(X & { id: string })[]>(
    `SELECT ${idColumn} AS id${extras ? `, ${extras}` : ''} FROM ${from} ${where.sql} ORDER BY ${orderBy} LIMIT ${where.param(limit)} OFFSET ${where.param(offset)}`,
    where.params,
  );
  const ids = page.map((row) => row.id);
  const found = new Map((await dataSource.getRepository(entity).findBy({ id: In(ids) } as FindOptionsWhere<T>)).map((e) => [e.id, e]));
  const rows = page.flatMap((row) => {
    const loaded = found.get(row.id);
    return loaded ? [{ ...loaded, ...row }] : [];
  });
  return [rows, count?.n ?? 0];
}

/**
 * A unit's region and every unit above it, nearest first, from the tree table
 * `tree` (id, parent_id, region_code); null when there is no such unit. Scope
 * checks run before input validation, so an id that is no UUID names no unit.
 */
export async function locateInTree(dataSource: DataSource, tree: string, organizationId: string): Promise<OrganizationLocation | null> {
  if (!isUUID(organizationId)) return null;
  const rows = await dataSource.query<{ id: string; region_code: string }[]>(
    `WITH RECURSIVE chain AS (
       SELECT id, parent_id, region_code, 0 AS depth FROM ${tree} WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id, o.region_code, c.depth + 1 FROM ${tree} o JOIN chain c ON o.id = c.parent_id WHERE c.depth < 32
     )
     SELECT id, region_code FROM chain ORDER BY depth`,
    [organizationId],
  );
  const [self, ...ancestors] = rows;
  return self ? { id: self.id, regionCode: self.region_code, ancestorIds: ancestors.map((a) => a.id) } : null;
}
