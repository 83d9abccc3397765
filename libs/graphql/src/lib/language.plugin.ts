import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

export type Language = 'zh' | 'en';

/** The client's preferred of the two languages the platform speaks; Chinese unless English ranks higher. */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh';
  let best: { language: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const language: Language | undefined = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : undefined;
    if (language && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'zh';
}

function isBilingual(value: unknown): value is { zh: string; en: string } {
  return typeof value === 'object' && value !== null && typeof (value as { zh?: unknown }).zh === 'string' && typeof (value as { en?: unknown }).en === 'string';
}

/** Puts the caller's language first in an error message that carries both. */
export function orderMessage(error: GraphQLFormattedError, language: Language): GraphQLFormattedError {
  const messages: unknown = error.extensions?.['messages'];
  if (!isBilingual(messages)) return error;
  return { ...error, message: language === 'en' ? `${messages.en} / ${messages.zh}` : `${messages.zh} / ${messages.en}` };
}

/** Errors speak the language the request's Accept-Language prefers first, the other second. */
export function languagePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const language = preferredLanguage(request.http?.headers.get('accept-language') ?? undefined);
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => orderMessage(e, language));
        },
      };
    },
  };
}
