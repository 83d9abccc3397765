import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@egov/auth';
import { type Connection, offsetAfter, toConnection } from '@egov/graphql';
import { RectifiedBadReviewsArgs } from './dtos/public-feed.args';
import { RectifiedBadReviewConnection, RectifiedBadReviewModel } from './models/public-feed.model';
import { PublicFeedService } from './public-feed.service';

@Resolver(() => RectifiedBadReviewModel)
export class PublicFeedResolver {
  constructor(private readonly feed: PublicFeedService) {}

  @Query(() => RectifiedBadReviewConnection, { description: 'REV-11: rectified bad reviews and their results, newest first; public' })
  @Public()
  async rectifiedBadReviews(@Args() args: RectifiedBadReviewsArgs): Promise<Connection<RectifiedBadReviewModel>> {
    const start = offsetAfter(args.after);
    const [rows, total] = await this.feed.page(args.regionCode, start, args.first);
    return toConnection(rows, start, total);
  }
}
