import { GraphQLError } from 'graphql';
import type { GraphQLRefusalCode } from '../../graphql/refusals.js';
import type { WebSocketPolicy } from '../policy.js';

/** `extensions.code` of a subscription refused because its socket has as many as it may. */
export const TOO_MANY_SUBSCRIPTIONS_CODE = 'TOO_MANY_SUBSCRIPTIONS' satisfies GraphQLRefusalCode;

/** Most subscriptions running at once on one socket; a further one gets an `error` message. */
export function subscriptionCapPolicy(maxPerSocket: number): WebSocketPolicy {
  return {
    subscribing: (running) =>
      running >= maxPerSocket
        ? new GraphQLError(
            `This socket already runs ${maxPerSocket} subscriptions, the most it may; complete one first or open another socket`,
            { extensions: { code: TOO_MANY_SUBSCRIPTIONS_CODE, max: maxPerSocket } },
          )
        : undefined,
  };
}
