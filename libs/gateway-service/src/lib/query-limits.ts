import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, type GraphQLSchema, Kind, type SelectionSetNode } from 'graphql';

function refused(reason: string, zh: string, en: string): GraphQLError {
  return new GraphQLError(`${zh} / ${en}`, { extensions: { code: 'BAD_USER_INPUT', reason, messages: { zh, en }, http: { status: 400 } } });
}

/** Deepest field nesting of the operation, fragments expanded (a fragment cycle is invalid GraphQL and stops the walk). */
export function queryDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const walk = (selectionSet: SelectionSetNode | undefined, depth: number, visiting: ReadonlySet<string>): number => {
    if (!selectionSet) return depth;
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visiting.has(name)) deepest = Math.max(deepest, walk(fragment.selectionSet, depth, new Set([...visiting, name])));
      }
    }
    return deepest;
  };
  return Math.max(0, ...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? walk(d.selectionSet, 0, new Set()) : 0)));
}

/** Connections cost their page size: `first: 100` over a selection of 5 fields costs 500. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first: unknown = args['first'];
  return typeof first === 'number' && first > 0 ? 1 + first * Math.max(1, childComplexity) : undefined;
};

/** Cost estimates kept per schema and parsed document (the server keeps one document per query text), per operation and variables. */
const PER_DOCUMENT = 100;

class CostMemo {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

  costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, estimate: () => number): number {
    let documents = this.bySchema.get(schema);
    if (!documents) this.bySchema.set(schema, (documents = new WeakMap<DocumentNode, Map<string, number>>()));
    let costs = documents.get(document);
    if (!costs) documents.set(document, (costs = new Map<string, number>()));
    const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
    const known = costs.get(key);
    if (known !== undefined) return known;
    const cost = estimate();
    if (costs.size >= PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  }
}

/**
 * Refuses, before any subgraph is called, operations nested deeper or
 * estimated costlier than the limits, with a message saying which limit and by how much.
 */
export function queryLimitsPlugin(limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  const memo = new CostMemo();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName }) {
          const depth = queryDepth(document);
          if (depth > limits.maxDepth) {
            throw refused('QUERY_TOO_DEEP', `查询嵌套 ${depth} 层，超过上限 ${limits.maxDepth} 层`, `The query is nested ${depth} levels deep; the limit is ${limits.maxDepth}`);
          }
          const variables = request.variables ?? {};
          const complexity = memo.costOf(schema, document, operationName, variables, () =>
            getComplexity({
              schema,
              query: document,
              variables,
              ...(operationName ? { operationName } : {}),
              estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
            }),
          );
          if (complexity > limits.maxComplexity) {
            throw refused(
              'QUERY_TOO_COMPLEX',
              `查询估算代价 ${complexity}，超过上限 ${limits.maxComplexity}，请减少每页条数或字段`,
              `The query's estimated cost is ${complexity}, above the limit of ${limits.maxComplexity}; ask for fewer items per page or fewer fields`,
            );
          }
        },
      };
    },
  };
}
