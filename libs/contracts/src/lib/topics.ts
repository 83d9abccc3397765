/** The services that publish events; each owns exactly one topic. */
export const SERVICES = ['reviews', 'supervision', 'policy-evaluation', 'enterprise-activity', 'credit'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Topic registry: one topic per producing service (`reviews.events`, …). */
export const TOPICS: { readonly [S in ServiceName]: `${S}.events` } = {
  reviews: 'reviews.events',
  supervision: 'supervision.events',
  'policy-evaluation': 'policy-evaluation.events',
  'enterprise-activity': 'enterprise-activity.events',
  credit: 'credit.events',
};

export type Topic = (typeof TOPICS)[ServiceName];

/** Messages that cannot be processed go to the topic's dead-letter twin. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
