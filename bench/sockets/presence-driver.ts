/**
 * The presence driver, in a process of its own (as the game clients would be): changes users'
 * presence at a fixed rate, each change as its own user (the user's token), over HTTP to one
 * instance or the other in turn. A change's activity names it (`c<k>`), so that each watcher's
 * receipt says which change it is; the driver timestamps each one just before its request
 * leaves, so that latency runs from the user's action to a friend's screen.
 *
 * Against the gateway it calls `mutation setPresence`; against the bare broadcaster
 * (bench/sockets/presence-baseline.ts) it POSTs the same values to `/presence`.
 *
 * A worker (bench/sockets/ipc.ts): requests `setup` (the users and their tokens, once), `run`.
 */
import { Agent, request } from 'node:http';
import { serve } from './ipc.js';
import { cpuProbe } from './probes.js';

export interface DriverUser {
  user: string;
  token: string;
}

export interface DrivePlan {
  /** `graphql`: setPresence on the gateway's /graphql; `bare`: POST /presence of the bare broadcaster. */
  kind: 'graphql' | 'bare';
  /** Base URLs of the instances; change k goes to instance k mod their number. */
  urls: string[];
  /** Changes per second, started on schedule whatever happened to the earlier ones (open loop). */
  rate: number;
  durationSeconds: number;
  /** Number of the first change: change k is made by user `order[k mod users]`, with activity `c<k>`. */
  from: number;
  /** Indexes into the users of `setup`, in the order they take their turns. */
  order: number[];
}

/** A change: its number, the user's index, when its request left and when its answer came (ms since the epoch). */
export type Change = [k: number, userIndex: number, sentAt: number, answeredAt: number];

export interface Driven {
  changes: Change[];
  /** Requests refused or failed: their changes may or may not have happened, and count for nothing. */
  failed: number;
  /** The first few failures' answers, to tell why. */
  failures: string[];
  /** Wall time from the first request to the last answer, in seconds. */
  seconds: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
}

export const SET_PRESENCE = `mutation Change($status: PresenceStatus!, $activity: String) {
  setPresence(status: $status, activity: $activity) { __typename }
}`;

/** Chosen statuses, in turn: every change is a change of status and of activity. */
const STATUSES = ['AWAY', 'BUSY', 'ONLINE'] as const;
const MAX_FAILURES_KEPT = 5;

let users: DriverUser[] = [];
/** Connections kept alive through a run, and closed after it so that servers can tell when all sockets are gone. */
let agent = new Agent({ keepAlive: true, maxSockets: 64 });
const now = () => performance.timeOrigin + performance.now();

function post(url: string, path: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Makes one change; resolves null when it went through, else why not. */
async function change(plan: DrivePlan, k: number, user: DriverUser): Promise<string | null> {
  const url = plan.urls[k % plan.urls.length] as string;
  const status = STATUSES[k % STATUSES.length] as string;
  const activity = `c${k}`;
  if (plan.kind === 'bare') {
    const answer = await post(url, '/presence', user.token, JSON.stringify({ status, activity }));
    return answer.status === 200 ? null : `${answer.status} ${answer.text.slice(0, 200)}`;
  }
  const answer = await post(
    url,
    '/graphql',
    user.token,
    JSON.stringify({ query: SET_PRESENCE, variables: { status, activity } }),
  );
  if (answer.status !== 200) return `${answer.status} ${answer.text.slice(0, 200)}`;
  const typename = JSON.parse(answer.text)?.data?.setPresence?.__typename;
  return typename === 'SetPresencePayload' ? null : answer.text.slice(0, 200);
}

async function run(plan: DrivePlan): Promise<Driven> {
  const total = Math.round(plan.rate * plan.durationSeconds);
  const changes: Change[] = [];
  const failures: string[] = [];
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  let open = 0;
  let maxInFlight = 0;
  const started = performance.now();

  const one = async (k: number) => {
    const userIndex = plan.order[k % plan.order.length] as number;
    maxInFlight = Math.max(maxInFlight, ++open);
    const sentAt = now();
    try {
      const why = await change(plan, k, users[userIndex] as DriverUser);
      if (why === null) changes.push([k, userIndex, sentAt, now()]);
      else {
        failed++;
        if (failures.length < MAX_FAILURES_KEPT) failures.push(why);
      }
    } catch (error) {
      failed++;
      if (failures.length < MAX_FAILURES_KEPT) failures.push((error as Error).message);
    } finally {
      open--;
    }
  };

  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * plan.rate) / 1000) + 1);
    for (; i < due; i++) inFlight.push(one(plan.from + i));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return { changes, failed, failures, seconds: (performance.now() - started) / 1000, maxInFlight };
}

serve({
  setup: (payload: { users: DriverUser[] }) => {
    users = payload.users;
    return users.length;
  },
  run,
  ...cpuProbe,
});
