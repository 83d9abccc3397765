import { type GraphQLDataSourceProcessOptions, IntrospectAndCompose, RemoteGraphQLDataSource, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthConfig, AuthModule, type Principal, TokenVerifier } from '@egov/auth';
import { HttpConfig, type LoadedConfig } from '@egov/config';
import { DomainException } from '@egov/errors';
import { formatGraphQLError } from '@egov/graphql';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from '@egov/runtime';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { SubgraphsConfig, subgraphList } from './gateway.config';
import { GRAPHIQL_OPTIONS, GraphiqlController } from './graphiql.controller';

export const GATEWAY_CONFIG_FRAGMENTS = { http: HttpConfig, auth: AuthConfig, subgraphs: SubgraphsConfig };
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

function unauthenticated(error: DomainException): GraphQLError {
  return new GraphQLError(`${error.bilingual.zh} / ${error.bilingual.en}`, {
    extensions: { code: 'UNAUTHENTICATED', reason: error.code, messages: error.bilingual, http: { status: 401 } },
  });
}

/** The one GraphQL endpoint: verifies the bearer token, plans across subgraphs, serves GraphiQL locally. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const verifier = new TokenVerifier(config.auth);
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
            context: async ({ req }: { req: IncomingMessage }): Promise<GatewayContext> => {
              const header = req.headers.authorization;
              try {
                const principal = await verifier.fromAuthorizationHeader(header);
                return principal && header ? { authorization: header, principal } : {};
              } catch (error) {
                if (error instanceof DomainException) throw unauthenticated(error);
                throw error;
              }
            },
          },
          gateway: {
            supergraphSdl: composeWithRetry(subgraphList(config.subgraphs)),
            buildService: ({ url }) => new AuthForwardingDataSource({ url }),
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
