import { IsInt, Max, Min } from 'class-validator';

/** What one caller may ask of the gateway. */
export class GatewayLimitsConfig {
  /** Deepest selection nesting accepted (fragments expanded). */
  @IsInt()
  @Min(2)
  @Max(50)
  GATEWAY_MAX_QUERY_DEPTH: number = 12;

  /** Estimated cost ceiling: every field costs 1, a list field costs its `first` argument times its selection. */
  @IsInt()
  @Min(10)
  GATEWAY_MAX_QUERY_COMPLEXITY: number = 5000;

  /** Sustained requests per minute per subject (token subject, or client address when anonymous). */
  @IsInt()
  @Min(1)
  GATEWAY_RATE_LIMIT_PER_MINUTE: number = 600;

  /** Requests a subject may make at once before the sustained rate applies. */
  @IsInt()
  @Min(1)
  GATEWAY_RATE_LIMIT_BURST: number = 60;
}
