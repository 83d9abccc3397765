import { IsOptional, IsString, IsUrl } from 'class-validator';

const url = { require_tld: false, protocols: ['http', 'https'] };

/** Where the gateway finds each subgraph. */
export class SubgraphsConfig {
  @IsUrl(url)
  SUPERVISION_URL: string = 'http://127.0.0.1:3001/graphql';

  @IsUrl(url)
  REVIEWS_URL: string = 'http://127.0.0.1:3002/graphql';

  @IsUrl(url)
  POLICY_EVALUATION_URL: string = 'http://127.0.0.1:3003/graphql';

  @IsUrl(url)
  ENTERPRISE_ACTIVITY_URL: string = 'http://127.0.0.1:3004/graphql';

  @IsUrl(url)
  CREDIT_URL: string = 'http://127.0.0.1:3005/graphql';

  /** Development only: GraphiQL opens with this token in its headers. */
  @IsOptional()
  @IsString()
  GRAPHIQL_DEFAULT_TOKEN?: string;
}

export function subgraphList(config: SubgraphsConfig): { name: string; url: string }[] {
  return [
    { name: 'supervision', url: config.SUPERVISION_URL },
    { name: 'reviews', url: config.REVIEWS_URL },
    { name: 'policy-evaluation', url: config.POLICY_EVALUATION_URL },
    { name: 'enterprise-activity', url: config.ENTERPRISE_ACTIVITY_URL },
    { name: 'credit', url: config.CREDIT_URL },
  ];
}
