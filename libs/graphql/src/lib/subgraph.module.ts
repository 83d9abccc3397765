import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { validationException } from './bilingual-validation';
import { formatGraphQLError } from './error-formatter';
import { languagePlugin } from './language.plugin';

export interface GraphQLRequestContext {
  readonly req: IncomingMessage;
}

/**
 * A Federation 2 subgraph, code-first: one error mapping, validated inputs
 * naming every bad field, no stack traces, no landing page (the gateway serves
 * GraphiQL from local assets).
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: { readonly schemaFile?: string; readonly entityExtensions?: readonly (new () => object)[] } = {}): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: options.schemaFile ? { path: options.schemaFile, federation: 2 } : { federation: 2 },
          sortSchema: true,
          // Entities this subgraph only extends are reached by no query of its own; name them so they are built.
          buildSchemaOptions: { orphanedTypes: [...(options.entityExtensions ?? [])] },
          path: '/graphql',
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: GraphQLRequestContext) => ({ req }),
          // Field resolvers (entity extensions such as Organization.satisfaction) pass the access guard too.
          fieldResolverEnhancers: ['guards'],
          formatError: formatGraphQLError,
          // Traces are for Apollo's hosted studio, which a government network does not reach.
          plugins: [ApolloServerPluginInlineTraceDisabled(), languagePlugin()],
        }),
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            exceptionFactory: (errors) => validationException(errors),
          }),
        },
      ],
    };
  }
}
