import { type GraphQLDataSourceProcessOptions, IntrospectAndCompose, RemoteGraphQLDataSource, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { assertAuthConfigured, AuthConfig, AuthModule, type Principal, TokenVerifier } from '@egov/auth';
import { HttpConfig, type LoadedConfig } from '@egov/config';
import { DomainException } from '@egov/errors';
import { formatGraphQLError, languagePlugin } from '@egov/graphql';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from '@egov/runtime';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { SubgraphsConfig, subgraphList } from './gateway.config';
import { GatewayLimitsConfig } from './limits.config';
import { queryLimitsPlugin } from './query-limits';
import { SubjectRateLimiter } from './rate-limiter';
import { GRAPHIQL_OPTIONS, GraphiqlController } from './graphiql.controller';

export const GATEWAY_CONFIG_FRAGMENTS = { http: HttpConfig, auth: AuthConfig, subgraphs: SubgraphsConfig, limits: GatewayLimitsConfig };
export type GatewayConfig = LoadedConfig<typeof GATEWAY_CONFIG_FRAGMENTS>;

interface GatewayContext {
  readonly authorization?: string;
  readonly principal?: Principal;
}

const logger = new Logger('Gateway');
let composed = false;

/** Passes the caller's bearer token on: every subgraph verifies it again. */
class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization: unknown = context.authorization;
    if (typeof authorization === 'string') request.http?.headers.set('authorization', authorization);
  }
}

/** Composes the supergraph, retrying while subgraphs are still starting. */
function composeWithRetry(subgraphs: { name: string; url: string }[]): SupergraphSdlHook {
  return async (options) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await new IntrospectAndCompose({ subgraphs }).initialize(options);
        composed = true;
        return result;
      } catch (error) {
        // A schema that does not compose will not compose on retry; only unreachable subgraphs are waited for.
        if (attempt >= 30 || (error as Error).message.includes("couldn't be composed")) throw error;
        logger.warn(`supergraph composition attempt ${attempt} failed (${(error as Error).message}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * attempt)));
      }
    }
  };
}

function tooManyRequests(retryAfterSeconds: number): GraphQLError {
  const messages = {
    zh: `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
    en: `Too many requests; try again in ${retryAfterSeconds} s`,
  };
  return new GraphQLError(`${messages.zh} / ${messages.en}`, {
    extensions: { code: 'TOO_MANY_REQUESTS', messages, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}

function unauthenticated(error: DomainException): GraphQLError {
  return new GraphQLError(`${error.bilingual.zh} / ${error.bilingual.en}`, {
    extensions: { code: 'UNAUTHENTICATED', reason: error.code, messages: error.bilingual, http: { status: 401 } },
  });
}

/** The one GraphQL endpoint: verifies the bearer token, plans across subgraphs, serves GraphiQL locally. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    assertAuthConfigured(config.auth, config.http.NODE_ENV);
    const verifier = new TokenVerifier(config.auth);
    const limiter = new SubjectRateLimiter(config.limits.GATEWAY_RATE_LIMIT_PER_MINUTE, config.limits.GATEWAY_RATE_LIMIT_BURST);
    const readiness: ReadinessCheck = {
      name: 'supergraph',
      check: async () => {
        if (!composed) throw new Error('supergraph not composed yet');
      },
    };
    return {
      module: GatewayModule,
      imports: [
        AuthModule.forRoot(config.auth),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            playground: false,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            plugins: [languagePlugin(), queryLimitsPlugin({ maxDepth: config.limits.GATEWAY_MAX_QUERY_DEPTH, maxComplexity: config.limits.GATEWAY_MAX_QUERY_COMPLEXITY })],
            context: async ({ req }: { req: IncomingMessage }): Promise<GatewayContext> => {
              const header = req.headers.authorization;
              let principal: Principal | undefined;
              try {
                principal = await verifier.fromAuthorizationHeader(header);
              } catch (error) {
                if (error instanceof DomainException) throw unauthenticated(error);
                throw error;
              }
              const wait = limiter.take(principal ? `sub:${principal.subject}` : `addr:${req.socket.remoteAddress ?? 'unknown'}`);
              if (wait > 0) throw tooManyRequests(wait);
              return principal && header ? { authorization: header, principal } : {};
            },
          },
          gateway: {
            supergraphSdl: composeWithRetry(subgraphList(config.subgraphs)),
            // Node's own fetch (undici) to the subgraphs, instead of the default make-fetch-happen stack on every subgraph call.
            buildService: ({ url }) => new AuthForwardingDataSource({ url, fetcher: fetch }),
          },
        }),
      ],
      controllers: [HealthController, GraphiqlController],
      providers: [
        { provide: READINESS_CHECKS, useValue: [readiness] },
        {
          provide: GRAPHIQL_OPTIONS,
          useValue: { endpoint: '/graphql', ...(config.subgraphs.GRAPHIQL_DEFAULT_TOKEN ? { defaultToken: config.subgraphs.GRAPHIQL_DEFAULT_TOKEN } : {}) },
        },
      ],
    };
  }
}
