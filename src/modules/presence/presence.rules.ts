import { declareEnum, type EnumValue } from '../../platform/enums.js';

/** A user's presence as the faces spell it (GraphQL `PresenceStatus`, REST `status`). */
export const PRESENCE_STATUSES = declareEnum({
  online: 'Connected: a live socket (WebSocket or SSE) is open, or the game said so.',
  away: 'Connected but idle (the client says so); kept while a socket is open.',
  busy: 'Connected, do not disturb (the client or the game says so).',
  invisible:
    'Connected, but shown to everyone else exactly as offline. Only the user itself and its tenant’s service tokens ever see this value.',
  offline: 'Not connected.',
});
export type PresenceStatus = EnumValue<typeof PRESENCE_STATUSES>;

/** What a user (or its game) may choose while connected; `offline` is not a choice but the absence of one. */
export type ChosenStatus = Exclude<PresenceStatus, 'offline'>;

/** Who may see a user's presence besides the user itself and its tenant's service tokens (`users.share_presence`). */
export const PRESENCE_SHARING = declareEnum({
  connections: 'The user’s connections see its presence (the default).',
  nobody: 'Nobody but the user itself and its tenant’s service tokens: connections see null.',
});
export type PresenceSharing = EnumValue<typeof PRESENCE_SHARING>;

/** A game-defined JSON object (a lobby id, a server address): at most MAX_JOIN_INFO_BYTES as JSON. */
export type JoinInfo = { [key: string]: unknown };

export const MAX_ACTIVITY_LENGTH = 128;
/**
 * Every live record is looked at again at least this often, whatever else it waits for: a
 * safety net, so that no lost wake-up can keep a user online for ever.
 */
export const RECHECK_MS = 10 * 60_000;
export const MAX_JOIN_INFO_BYTES = 1024;

/** A presence as one viewer sees it. Times are ms since the epoch. */
export interface PresenceView {
  status: PresenceStatus;
  activity: string | null;
  joinInfo: JoinInfo | null;
  /** When the user was last seen online: now for a user online, null if never. */
  lastSeenAt: number | null;
}

/**
 * What the presence layer keeps for a user who is live (or about to stop being): never a row
 * per heartbeat, and nothing at all for a user who is offline. Times are ms since the epoch.
 * Stores keep it whole (as JSON) and replace it only if `version` is still the one they read.
 */
export interface PresenceRecord {
  version: number;
  /** What the user (or its game) chose; `online` until anything else is chosen. */
  status: ChosenStatus;
  activity: string | null;
  joinInfo: JoinInfo | null;
  /** When the chosen values lapse (a presence set with `expires_in_seconds`); null: while live. */
  chosenUntil: number | null;
  /**
   * Live without any open socket until then: the grace after the last socket closed (so a
   * reconnect does not flap), or the time to live of a presence set without a socket.
   */
  heldUntil: number | null;
  /** The user shares its presence with its connections (`share_presence: connections`). */
  shared: boolean;
  /** Last seen online as others see it: moves while visible, stands still while invisible. */
  lastSeenAt: number;
  /** What the user's connections were last told (null: offline, or not shared). */
  shown: PresenceView | null;
  /** When this record must be looked at again (a lapse above), if ever: stores sweep by it. */
  checkAt: number | null;
}

/** What a change of a record is computed from. */
export interface PresenceInputs {
  record: PresenceRecord | null;
  /** Some instance holds an open socket of the user and is alive. */
  sessionsAlive: boolean;
  now: number;
}

/** What a change produced: the record to store (null: the user is offline) and, if their view changed, what connections are told. */
export interface PresenceOutcome {
  record: PresenceRecord | null;
  /** Set when the view of the user's connections changed: publish it (null view: offline or hidden). */
  changed: { view: PresenceView | null } | null;
  /** Set when the user just went offline: when it was last seen (written to `users.last_seen_at`). */
  wentOffline: { lastSeenAt: number } | null;
}

/** The user's presence as its connections see it, if they see it. */
export function connectionsView(record: PresenceRecord | null, now: number): PresenceView | null {
  if (!record?.shared) return null;
  if (record.status === 'invisible') return offlineView(record.lastSeenAt);
  return { status: record.status, activity: record.activity, joinInfo: record.joinInfo, lastSeenAt: now };
}

/** The user's presence as the user itself and its tenant's service tokens see it. */
export function ownView(record: PresenceRecord | null, lastSeenAt: number | null, now: number): PresenceView {
  if (!record) return offlineView(lastSeenAt);
  return {
    status: record.status,
    activity: record.activity,
    joinInfo: record.joinInfo,
    lastSeenAt: record.status === 'invisible' ? record.lastSeenAt : now,
  };
}

export function offlineView(lastSeenAt: number | null): PresenceView {
  return { status: 'offline', activity: null, joinInfo: null, lastSeenAt };
}

/** Two views say the same to a watcher (an online user's lastSeenAt is always "now"). */
export function sameView(a: PresenceView | null, b: PresenceView | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.status === b.status &&
    a.activity === b.activity &&
    JSON.stringify(a.joinInfo) === JSON.stringify(b.joinInfo) &&
    (a.status !== 'offline' || a.lastSeenAt === b.lastSeenAt)
  );
}

function earliest(...times: (number | null)[]): number | null {
  const set = times.filter((time): time is number => time !== null);
  return set.length === 0 ? null : Math.min(...set);
}

/**
 * The record after its lapses at `now`: chosen values past their time to live go back to plain
 * `online`; a user with no live socket past its hold is offline (null). Then what changed for
 * the user's connections. Every change of presence ends here, so the rules live in one place.
 */
export function settle(next: PresenceRecord | null, inputs: PresenceInputs): PresenceOutcome {
  const { record: before, sessionsAlive, now } = inputs;
  let record = next;
  if (record && record.chosenUntil !== null && record.chosenUntil <= now) {
    record = { ...record, status: 'online', activity: null, joinInfo: null, chosenUntil: null };
  }
  if (record && record.heldUntil !== null && record.heldUntil <= now) record = { ...record, heldUntil: null };
  const live = record !== null && (sessionsAlive || record.heldUntil !== null || record.chosenUntil !== null);
  let wentOffline: PresenceOutcome['wentOffline'] = null;
  if (record && !live) {
    wentOffline = { lastSeenAt: record.status === 'invisible' ? record.lastSeenAt : now };
    record = null;
  }
  if (record) {
    // Seen now while visible; an invisible user's last sighting stands still.
    const lastSeenAt = record.status === 'invisible' ? record.lastSeenAt : now;
    record = { ...record, lastSeenAt, checkAt: earliest(record.chosenUntil, record.heldUntil, now + RECHECK_MS) };
  }
  const previous = before?.shown ?? null;
  let view = record ? connectionsView(record, now) : null;
  if (!record && wentOffline && before?.shared) view = offlineView(wentOffline.lastSeenAt);
  // Offline or hidden: the connections hear "offline" (or null) once, and nothing is stored.
  // Unknown is offline to a watcher already: a user arriving invisible is not announced at all.
  const unchanged = sameView(previous, view) || (previous === null && view?.status === 'offline');
  const changed = unchanged ? null : { view };
  if (record) record = { ...record, shown: view, version: (before?.version ?? 0) + 1 };
  return { record, changed, wentOffline };
}

/**
 * A fresh record for a user who comes online, last seen at `lastSeenAt` (`users.last_seen_at`):
 * what others keep seeing if the user arrives invisible.
 */
export function freshRecord(shared: boolean, lastSeenAt: number): PresenceRecord {
  return {
    version: 0,
    status: 'online',
    activity: null,
    joinInfo: null,
    chosenUntil: null,
    heldUntil: null,
    shared,
    lastSeenAt,
    shown: null,
    checkAt: null,
  };
}

/** What `setPresence` asks for. `offline` drops every chosen value (and a presence set without a socket). */
export interface PresenceChoice {
  status: PresenceStatus;
  activity: string | null;
  joinInfo: JoinInfo | null;
  /** Time to live of the chosen values, in ms; null: as long as the user stays live. */
  ttlMs: number | null;
}

/**
 * The record after `choice`: chosen values replace the old ones; without a socket the user is
 * held live for the time to live (or `graceMs` without one), so a game server can mark a player
 * in a match, and a client can choose `invisible` just before it connects.
 */
export function choose(
  inputs: PresenceInputs,
  choice: PresenceChoice,
  user: { shared: boolean; lastSeenAt: number | null },
  graceMs: number,
): PresenceOutcome {
  const { record, now } = inputs;
  const { shared } = user;
  if (choice.status === 'offline') {
    if (!record) return settle(null, inputs);
    return settle(
      { ...record, status: 'online', activity: null, joinInfo: null, chosenUntil: null, heldUntil: null },
      inputs,
    );
  }
  const base = record ?? freshRecord(shared, user.lastSeenAt ?? now);
  const until = choice.ttlMs === null ? null : now + choice.ttlMs;
  const hold = inputs.sessionsAlive ? null : now + (choice.ttlMs ?? graceMs);
  return settle(
    {
      ...base,
      shared,
      status: choice.status,
      activity: choice.activity,
      joinInfo: choice.joinInfo,
      chosenUntil: until,
      // Going invisible while visible: seen last just now, and not again until visible. Arriving
      // invisible: seen last when the user was last online.
      lastSeenAt:
        choice.status === 'invisible' && record !== null && record.status !== 'invisible' ? now : base.lastSeenAt,
      heldUntil: hold === null ? base.heldUntil : Math.max(hold, base.heldUntil ?? 0),
    },
    inputs,
  );
}
