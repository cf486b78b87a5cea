/*
 * What the stress test records and observes, in the database's own terms: users, requests,
 * connections, notifications and blocks by their row ids (public ids decoded), so that the
 * invariant checks are plain functions of data and can be tried on hand-made broken states.
 */

export type Face = 'rest' | 'graphql';

export type WriteKind =
  | 'send'
  | 'accept'
  | 'decline'
  | 'cancel'
  | 'remove'
  | 'markRead'
  | 'block'
  | 'unblock'
  | 'settings';
export type ReadKind = 'listActive' | 'listNotifications' | 'listReceived' | 'listSent';
export type OpKind = WriteKind | ReadKind;

/**
 * One call the load made and how the API answered it. `status` is the HTTP status for REST;
 * for GraphQL it is what REST would have answered: 200 (201 for a send, and for a block that
 * was not there before) for a payload, the
 * status of the error code for a typed error, the HTTP status when it is 5xx, and 500 when the
 * response carries `errors` (an unexpected, masked failure). 0 means no response at all.
 */
export interface LoggedOp {
  kind: OpKind;
  face: Face;
  /** Row id of the user the call acted as. */
  actorId: number;
  /** Whether a service token (acting as `actorId`) made the call, rather than the user's own. */
  service: boolean;
  status: number;
  /** The error code of a refused call. */
  code?: string;
  /** For a failed call: what came back, for the report. */
  detail?: string;
  /** send: the receiver's row id. */
  receiverId?: number;
  /** send: the new request's row id (201); accept/decline/cancel: the request answered or withdrawn. */
  requestId?: number;
  /**
   * remove: the connection's row id, and its two users as the API listed them; accept through
   * GraphQL: the connection the answer returned.
   */
  connectionId?: number;
  connectionUsers?: [number, number];
  /** markRead: the notification's row id. */
  notificationId?: number;
  /** block/unblock: the row id of the user blocked or unblocked by `actorId`. */
  otherUserId?: number;
  /** settings: the value set (who may send the acting user requests). */
  policy?: RequestPolicy;
  /**
   * A keyed write (send, accept, decline, cancel, markRead): its Idempotency-Key (GraphQL:
   * idempotencyKey), which belongs to the acting user (`actorId`).
   */
  idempotencyKey?: string;
  /**
   * A keyed write: what it asked, in the test's terms (`send 12 "hi"`, `accept 40`,
   * `cancel 40`, `markRead 7`). A retry asks exactly what its first call asked, through either face.
   */
  input?: string;
  /** A keyed write: why the load made it (see KeyUse). */
  keyUse?: KeyUse;
  /** A keyed write that succeeded: the body of the answer (REST JSON; GraphQL, the payload). */
  body?: string;
  /** Milliseconds since the run started, when the call was made and answered. */
  startedMs: number;
  endedMs: number;
}

/**
 * Why the load made a keyed write: the first call with a fresh key; a retry once the first
 * call had answered; a retry in flight together with the first call (a client that timed out
 * and retried); a retry much later, maybe by another client acting as the same user; or a
 * deliberate reuse of a key that had already succeeded, for another input (must be refused
 * with 422 IDEMPOTENCY_KEY_REUSED).
 */
export type KeyUse = 'first' | 'retry' | 'concurrent' | 'late' | 'reuse';

export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';

/** Who may send a user connection requests (`accept_requests_from`). */
export type RequestPolicy = 'everyone' | 'friends_of_friends' | 'nobody';

/** The tenant's rows after the load stopped. */
export interface DbState {
  users: {
    id: number;
    clientUserId: string;
    connectionCount: number;
    notificationSeq: number;
    acceptRequestsFrom: RequestPolicy;
  }[];
  requests: { id: number; senderId: number; receiverId: number; status: RequestStatus; respondedAt: Date | null }[];
  connections: { id: number; lowId: number; highId: number; requestId: number; createdAt: Date }[];
  edges: { userId: number; connectionId: number; otherUserId: number; createdAt: Date }[];
  notifications: {
    id: number;
    userId: number;
    type: string;
    requestId: number;
    otherUserId: number;
    readAt: Date | null;
    seq: number;
    createdAt: Date;
  }[];
  /** One row per blocker and blocked user (a block each way is two rows). */
  blocks: { blockerId: number; blockedId: number; createdAt: Date }[];
}

export type StatusFilter = 'all' | 'pending' | 'accepted' | 'declined' | 'cancelled';

/** What one user's lists said through one face after the load stopped (ids decoded). */
export interface ApiView {
  face: Face;
  userId: number;
  active: {
    /** total_items / totalCount. */
    total: number;
    /** Every page of the list. */
    items: { connectionId: number; otherUserId: number; since: string }[];
  };
  notifications: {
    total: number;
    unreadCount: number;
    /** total_items of the list with unread_only=true. */
    unreadOnlyTotal: number;
    /** The first page (newest 50). */
    firstPage: { id: number; type: string; read: boolean; requestId: number; otherUserId: number }[];
  };
  /** total_items of the sent and received lists under each status filter. */
  requestTotals: Record<'sent' | 'received', Record<StatusFilter, number>>;
  /** The users the user blocks (every page), and total_items / totalCount. */
  blocked: { total: number; userIds: number[] };
  /** The user's settings as the API reads them. */
  acceptRequestsFrom: RequestPolicy;
}

/** Every check's violations, by check: each entry says what is wrong, with the rows involved. */
export type Violations = Record<string, string[]>;
