import { type CallerScope, narrowRegionFilter, regionFilterFor, type RegionFilter } from '@egov/auth';

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
   * What the caller may see: an officer's own unit and every unit below it
   * (those inside `requestedRegion`, if given); a regional or provincial
   * caller their region, narrowed to `requestedRegion` if it lies inside
   * (otherwise the request is refused).
   */
  scope(scope: CallerScope, columns: { readonly organizationId: string; readonly regionCode: string }, requestedRegion?: string): this {
    if (scope.kind === 'organization') {
      // A unit's officer asking for a region gets what of their units lies in it.
      if (requestedRegion !== undefined) this.region(columns.regionCode, regionFilterFor(requestedRegion));
      return this.add(`${columns.organizationId} IN (
        WITH RECURSIVE below AS (
          SELECT id FROM organization_replica WHERE id = ${this.param(scope.organizationId)}
          UNION ALL SELECT o.id FROM organization_replica o JOIN below b ON o.parent_id = b.id
        ) SELECT id FROM below)`);
    }
    return this.region(columns.regionCode, narrowRegionFilter(scope, requestedRegion));
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
