import { Agent, request } from 'node:http';
import type { GraphQLResponse } from '@egov/testing';

/**
 * A GraphQL URL posted to over kept-alive HTTP/1.1 connections. The driver
 * shares the machine with what it measures, so it uses node:http rather than
 * fetch, which costs several times the CPU per request.
 */
export class GraphqlEndpoint {
  private readonly agent: Agent;
  private readonly target: URL;

  constructor(
    readonly url: string,
    connections: number,
  ) {
    this.target = new URL(url);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  post<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const body = Buffer.from(JSON.stringify({ query, variables }));
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve(JSON.parse(text) as GraphQLResponse<T>);
            } catch {
              reject(new Error(`HTTP ${response.statusCode ?? '?'} without a GraphQL body: ${text.slice(0, 120)}`));
            }
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  /** The data of a response that must succeed; throws with the first error's code and message otherwise. */
  async data<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const result = await this.post<T>(query, variables, token);
    const error = result.errors?.[0];
    if (error || !result.data) throw new Error(error ? `${error.extensions?.code ?? 'ERROR'}: ${error.message}` : 'response without data');
    return result.data;
  }

  close(): void {
    this.agent.destroy();
  }
}
