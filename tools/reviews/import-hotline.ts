import 'reflect-metadata';
import { importHotlineRecords } from '@egov/reviews-service';

// REV-12: `npm run reviews:import-hotline -- <file> [--format csv|jsonl]`; the command lives in the reviews service library.
void importHotlineRecords(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
