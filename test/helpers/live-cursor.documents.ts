import { graphql } from '../gql/index.js';
import type { TestServer } from './app.js';

const LiveCursor = graphql(`
  query TestLiveCursor {
    notifications { __typename ... on NotificationPage { liveCursor } }
  }
`);

/**
 * Where the user's notifications stand now (`liveCursor`): a `notificationAdded(after:)` from it
 * misses nothing committed afterwards however long the subscription takes to start, as a careful
 * client subscribes. Tests with several sockets opening at once use it: on a busy machine they can
 * take longer to start than a fixed wait.
 */
export async function liveCursorOf(server: Pick<TestServer, 'graphql'>, token: string): Promise<string> {
  const answer = await server.graphql(LiveCursor, {}, token);
  const page = answer.body.data?.notifications;
  if (page?.__typename !== 'NotificationPage') throw new Error(`no notifications page: ${JSON.stringify(answer.body)}`);
  return page.liveCursor;
}
