/**
 * Follows one player's notifications live and resumes after a disconnect without missing or
 * repeating any. Run against a local server:
 *
 *   npm start                                   # in another terminal
 *   TOKEN=$(npm run -s token -- --sub userA) npx tsx examples/follow-notifications.ts
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.env.GATEWAY_WS_URL ?? 'ws://localhost:4000/graphql';
const token = process.env.TOKEN;
if (!token) throw new Error('Set TOKEN to a user token (npm run -s token -- --sub userA)');

const NOTIFICATION_ADDED = /* GraphQL */ `
  subscription FollowNotifications($after: ID) {
    notificationAdded(after: $after) {
      id
      type
      message
      timestamp
      otherUser { clientUserId displayName }
    }
  }
`;

interface NotificationAdded {
  notificationAdded: {
    id: string;
    type: string;
    message: string;
    timestamp: string;
    otherUser: { displayName: string };
  };
}

const client = createClient({
  url,
  webSocketImpl: WebSocket, // browsers have WebSocket built in; Node 20 does not
  connectionParams: { authorization: `Bearer ${token}` },
  // Reconnect ourselves, so that each new subscription resumes after the last id we saw
  // (graphql-ws's own retry would resubscribe with the original variables).
  retryAttempts: 0,
});

/** The last notification shown; a real game would keep it across restarts. */
let lastId: string | null = null;

/** A close event, a socket error or a list of GraphQL errors, in one line. */
function describe(error: unknown): string {
  const e = error as { code?: number; reason?: string; message?: string };
  if (typeof e.code === 'number') return `closed with ${e.code} ${e.reason ?? ''}`.trim();
  if (Array.isArray(error)) return error.map((item: { message?: string }) => item.message).join('; ');
  return e.message ?? String(error);
}

function follow(): void {
  client.subscribe<NotificationAdded>(
    { query: NOTIFICATION_ADDED, variables: { after: lastId } },
    {
      next: ({ data, errors }) => {
        // A refused subscription (unknown user, FORBIDDEN) comes here, then completes.
        if (errors) {
          console.error(`refused: ${errors.map((e) => e.message).join('; ')}`);
          return;
        }
        if (!data) return;
        const n = data.notificationAdded;
        lastId = n.id;
        console.log(`${n.timestamp} ${n.type} from ${n.otherUser.displayName}: ${n.message}`);
      },
      error: (error) => {
        console.error(`disconnected (${describe(error)}); resuming in 1 s`);
        setTimeout(follow, 1000);
      },
      complete: () => console.log('subscription completed'),
    },
  );
}

follow();
