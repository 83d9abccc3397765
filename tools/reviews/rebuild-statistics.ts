import 'reflect-metadata';
import { rebuildReviewStatistics } from '@egov/reviews-service';

// REV-8: `npm run reviews:rebuild-statistics [-- --check]`; the command lives in the reviews service library.
void rebuildReviewStatistics(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
