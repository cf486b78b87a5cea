import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { onTestQuery } from '../helpers/database.js';
import { as } from '../helpers/results.js';

const server = useTestServer();

const SendRequest = graphql(`
  mutation TestDataLoaderSendRequest($userId: ID, $receiverId: ID!) {
    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {
      __typename
      ... on Error { message code }
      ... on SendConnectionRequestPayload { request { id } }
    }
  }
`);

const AcceptRequest = graphql(`
  mutation TestDataLoaderAcceptRequest($userId: ID, $requestId: ID!) {
    acceptConnectionRequest(userId: $userId, requestId: $requestId) {
      __typename
      ... on Error { message code }
    }
  }
`);

const ActiveConnections = graphql(`
  query TestDataLoaderActiveConnections($userId: ID, $perPage: Int) {
    activeConnections(userId: $userId, perPage: $perPage) {
      __typename
      ... on ConnectionPage { nodes { id connectedUser { clientUserId displayName } } }
    }
  }
`);

const SentRequests = graphql(`
  query TestDataLoaderSentRequests($userId: ID, $perPage: Int) {
    sentConnectionRequests(userId: $userId, perPage: $perPage) {
      __typename
      ... on ConnectionRequestPage {
        nodes { id sender { displayName } receiver { clientUserId displayName } }
      }
    }
  }
`);

const ReceivedRequests = graphql(`
  query TestDataLoaderReceivedRequests($userId: ID, $perPage: Int) {
    receivedConnectionRequests(userId: $userId, perPage: $perPage) {
      __typename
      ... on ConnectionRequestPage {
        nodes { id sender { clientUserId displayName } receiver { displayName } }
      }
    }
  }
`);

const Notifications = graphql(`
  query TestDataLoaderNotifications($userId: ID, $perPage: Int) {
    notifications(userId: $userId, perPage: $perPage) {
      __typename
      ... on NotificationPage { unreadCount nodes { id otherUser { clientUserId displayName } } }
    }
  }
`);

/**
 * A tenant where `hub` sent requests to `size` friends who all accepted (so the hub has `size`
 * connections, sent requests and REQUEST_ACCEPTED notifications), and where the same friends
 * sent `inbox` a request each (so `inbox` has `size` received requests and NEW_REQUEST
 * notifications). Built with the service token to keep set-up short.
 */
async function network(srv: TestServer, size: number) {
  const tenant = await createTenant(srv);
  const hub = await tenant.user('hub');
  const inbox = await tenant.user('inbox');
  const friends: SeededUser[] = await Promise.all(Array.from({ length: size }, () => tenant.user('friend')));
  for (const friend of friends) {
    const sent = await srv.graphql(SendRequest, { userId: hub.id, receiverId: friend.id }, tenant.serviceToken);
    const requestId = as(sent.body.data?.sendConnectionRequest, 'SendConnectionRequestPayload').request.id;
    const accepted = await srv.graphql(AcceptRequest, { userId: friend.id, requestId }, tenant.serviceToken);
    expect(accepted.body.data?.acceptConnectionRequest.__typename).toBe('AcceptConnectionRequestPayload');
    const toInbox = await srv.graphql(SendRequest, { userId: friend.id, receiverId: inbox.id }, tenant.serviceToken);
    expect(toInbox.body.data?.sendConnectionRequest.__typename).toBe('SendConnectionRequestPayload');
  }
  return { tenant, hub, inbox, friends };
}

/** Runs `call` and returns its result with the SQL statements the database executed meanwhile. */
async function counting<T>(call: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  onTestQuery((sql) => statements.push(sql));
  try {
    return { result: await call(), statements };
  } finally {
    onTestQuery(null);
  }
}

describe('DataLoader batching', () => {
  it('should resolve the users of any page size with the same, small number of SQL statements', async () => {
    const small = await network(server, 2);
    const large = await network(server, 20);
    const names = (friends: SeededUser[]) => friends.map((f) => f.displayName).sort();

    /** Statement counts of the four lists for one network, checking that each list is complete. */
    const countLists = async ({ hub, inbox, friends }: Awaited<ReturnType<typeof network>>) => {
      const perPage = 50;
      const active = await counting(() => server.graphql(ActiveConnections, { perPage }, hub.token));
      const activePage = as(active.result.body.data?.activeConnections, 'ConnectionPage');
      expect(activePage.nodes.map((n) => n.connectedUser.displayName).sort()).toEqual(names(friends));

      const sent = await counting(() => server.graphql(SentRequests, { perPage }, hub.token));
      const sentPage = as(sent.result.body.data?.sentConnectionRequests, 'ConnectionRequestPage');
      expect(sentPage.nodes.map((n) => n.receiver.displayName).sort()).toEqual(names(friends));
      expect(new Set(sentPage.nodes.map((n) => n.sender.displayName))).toEqual(new Set([hub.displayName]));

      const received = await counting(() => server.graphql(ReceivedRequests, { perPage }, inbox.token));
      const receivedPage = as(received.result.body.data?.receivedConnectionRequests, 'ConnectionRequestPage');
      expect(receivedPage.nodes.map((n) => n.sender.displayName).sort()).toEqual(names(friends));

      const notifications = await counting(() => server.graphql(Notifications, { perPage }, hub.token));
      const notificationPage = as(notifications.result.body.data?.notifications, 'NotificationPage');
      expect(notificationPage.nodes.map((n) => n.otherUser?.displayName).sort()).toEqual(names(friends));

      return {
        active: active.statements,
        sent: sent.statements,
        received: received.statements,
        notifications: notifications.statements,
      };
    };

    const two = await countLists(small);
    const twenty = await countLists(large);

    for (const list of ['active', 'sent', 'received', 'notifications'] as const) {
      expect({ list, statements: twenty[list].length }).toEqual({ list, statements: two[list].length });
      expect(two[list].length).toBeGreaterThan(0);
      // At most: acting user, rows, count, unread count, one users batch, and BEGIN/COMMIT
      // around the notifications page (read in one snapshot with its live cursor).
      expect(two[list].length).toBeLessThanOrEqual(7);
      // All users of the page come from one batched lookup.
      expect(twenty[list].filter((sql) => /from "users"/.test(sql) && /"id" = any\(/.test(sql))).toHaveLength(1);
    }
  });
});
