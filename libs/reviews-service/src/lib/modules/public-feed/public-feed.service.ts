import { Injectable } from '@nestjs/common';
import { regionFilterFor } from '@egov/auth';
import { DataSource } from 'typeorm';

export interface RectifiedBadReview {
  readonly caseId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly regionCode: string;
  readonly itemName: string;
  readonly rating: number;
  readonly reasons: string[];
  readonly comment: string | null;
  readonly rectificationResult: string | null;
  readonly reviewedAt: Date;
  readonly rectifiedAt: Date;
}

/**
 * REV-11: the public record of bad reviews and how they were put right.
 * It selects only public columns: no reviewer, no applicant, no handler, and
 * the texts were masked when stored.
 */
@Injectable()
export class PublicFeedService {
  constructor(private readonly dataSource: DataSource) {}

  async page(regionCode: string | undefined, offset: number, limit: number): Promise<[RectifiedBadReview[], number]> {
    const filter = regionCode ? regionFilterFor(regionCode) : { kind: 'all' as const };
    const where = ['c.rectified_at IS NOT NULL', 'NOT r.excluded_from_statistics'];
    const params: unknown[] = [];
    if (filter.kind === 'prefix') {
      params.push(`${filter.prefix}%`);
      where.push(`c.region_code LIKE $${params.length}`);
    } else if (filter.kind === 'exact') {
      params.push(filter.code);
      where.push(`c.region_code = $${params.length}`);
    }
    const from = `FROM bad_review_case c JOIN review r ON r.id = c.review_id JOIN service_handling h ON h.id = c.handling_id
                  LEFT JOIN organization_replica o ON o.id = c.organization_id WHERE ${where.join(' AND ')}`;
    const [count] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n ${from}`, params);
    const rows = await this.dataSource.query<
      { case_id: string; organization_id: string; organization_name: string | null; region_code: string; item_name: string; rating: number; first_rating: number | null; reasons: string[]; comment: string | null; rectification_result: string | null; submitted_at: Date; rectified_at: Date }[]
    >(
      `SELECT c.id AS case_id, c.organization_id, o.name AS organization_name, c.region_code, h.item_name, r.rating, r.first_rating, r.reasons, r.comment,
              c.rectification_result, r.submitted_at, c.rectified_at
       ${from} ORDER BY c.rectified_at DESC, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return [
      rows.map((row) => ({
        caseId: row.case_id,
        organizationId: row.organization_id,
        organizationName: row.organization_name ?? '',
        regionCode: row.region_code,
        itemName: row.item_name,
        // The bad level as given, even when re-rated later (REV-7).
        rating: row.first_rating ?? row.rating,
        reasons: row.reasons,
        comment: row.comment,
        rectificationResult: row.rectification_result,
        reviewedAt: row.submitted_at,
        rectifiedAt: row.rectified_at,
      })),
      count?.n ?? 0,
    ];
  }
}
