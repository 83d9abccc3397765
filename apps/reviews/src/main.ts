import 'reflect-metadata';
import { ReviewsDemoSeeder, ReviewsServiceModule } from '@egov/reviews-service';
import { runServiceMain } from '@egov/runtime';

void runServiceMain({ service: 'reviews', module: (config) => ReviewsServiceModule.forRoot(config), demoSeeder: ReviewsDemoSeeder });
