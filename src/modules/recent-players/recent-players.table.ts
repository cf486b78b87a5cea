import type { Selectable } from 'kysely';

/** One player met in a match, from one side: the latest match of the two wins. */
export interface RecentPlayersTable {
  tenant: string;
  user_id: number;
  other_user_id: number;
  /** What the game said the match was (`match-8841`), if anything. */
  context: string | null;
  played_at: Date;
}

export type RecentPlayerRow = Selectable<RecentPlayersTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    recent_players: RecentPlayersTable;
  }
}
