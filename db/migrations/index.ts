import type { Migration } from 'kysely/migration';
import * as initial from './0001_initial.js';
import * as publicIdKey from './0002_public_id_key.js';
import * as notificationSequence from './0003_notification_sequence.js';
import * as connectionCount from './0004_connection_count.js';
import * as limitsAndIdempotency from './0005_limits_and_idempotency.js';
import * as blocksPrivacyAndRequestLifecycle from './0006_blocks_privacy_and_request_lifecycle.js';
import * as publicIdKinds from './0007_public_id_kinds.js';
import * as presence from './0008_presence.js';
import * as liveOutbox from './0009_live_outbox.js';
import * as gameNotifications from './0010_game_notifications.js';
import * as invites from './0011_invites.js';
import * as playerSearch from './0012_player_search.js';
import * as friendCodes from './0013_friend_codes.js';
import * as connectionNotes from './0014_connection_notes.js';
import * as recentPlayers from './0015_recent_players.js';

/**
 * Every migration, by name, in the order they apply. Listed statically rather than read from
 * the folder so that the same list works from TypeScript sources and from a compiled build.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_public_id_key': publicIdKey,
  '0003_notification_sequence': notificationSequence,
  '0004_connection_count': connectionCount,
  '0005_limits_and_idempotency': limitsAndIdempotency,
  '0006_blocks_privacy_and_request_lifecycle': blocksPrivacyAndRequestLifecycle,
  '0007_public_id_kinds': publicIdKinds,
  '0008_presence': presence,
  '0009_live_outbox': liveOutbox,
  '0010_game_notifications': gameNotifications,
  '0011_invites': invites,
  '0012_player_search': playerSearch,
  '0013_friend_codes': friendCodes,
  '0014_connection_notes': connectionNotes,
  '0015_recent_players': recentPlayers,
};
