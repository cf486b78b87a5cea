import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { capacityPolicy } from '../ws/policies/capacity.js';
import { webSocketLogPolicy } from '../ws/policies/log.js';
import { messageRatePolicy } from '../ws/policies/message-rate.js';
import { originPolicy } from '../ws/policies/origin.js';
import { ownerCapsPolicy } from '../ws/policies/owner-caps.js';
import { type PresenceSessions, presencePolicy } from '../ws/policies/presence.js';
import { slowConsumerPolicy } from '../ws/policies/slow-consumer.js';
import { subscriptionCapPolicy } from '../ws/policies/subscription-cap.js';
import { tokenExpiryPolicy } from '../ws/policies/token-expiry.js';
import type { WebSocketPolicy } from '../ws/policy.js';
import type { CorsPolicy } from './cors.js';

/**
 * The WebSocket face's rules, from the configuration, in the order they are asked: who may
 * upgrade (origin, then room on the instance), how fast a socket may send, whose sockets are
 * admitted (the instance's count, the owner's caps), how long they live, how many
 * subscriptions each runs, what happens to a client that stops reading; an admitted user's
 * socket makes it online; the log line of each socket opened comes last, once every rule has
 * admitted it.
 */
export function webSocketPolicies(
  config: Config,
  cors: CorsPolicy,
  presence: PresenceSessions,
  logger: Logger,
): WebSocketPolicy[] {
  return [
    originPolicy(cors),
    capacityPolicy(
      { maxSockets: config.maxWebSockets, maxUnauthenticatedSockets: config.maxUnauthenticatedWebSockets },
      logger,
    ),
    messageRatePolicy({ perSecond: config.wsMaxMessagesPerSecond, burst: config.wsMessageBurst }, logger),
    ownerCapsPolicy(
      {
        perUser: config.maxWebSocketsPerUser,
        perToken: config.maxWebSocketsPerToken,
        perService: config.maxWebSocketsPerService,
      },
      logger,
    ),
    tokenExpiryPolicy(),
    subscriptionCapPolicy(config.maxSubscriptionsPerSocket),
    slowConsumerPolicy(logger),
    presencePolicy(presence),
    webSocketLogPolicy(logger),
  ];
}
