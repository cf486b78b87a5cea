import { type Kysely, sql } from 'kysely';

/**
 * Recently played with (src/modules/recent-players): for each player, the others a game backend
 * reported in a match with them, one row per pair and side (the latest match wins), at most
 * the last 200 per player, swept after RECENT_PLAYERS_RETENTION_DAYS.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table recent_players (
      tenant text not null,
      user_id bigint not null,
      other_user_id bigint not null,
      context text constraint recent_players_context_check check (char_length(context) between 1 and 128),
      played_at timestamptz not null,
      primary key (user_id, other_user_id),
      constraint recent_players_not_self check (user_id <> other_user_id),
      constraint recent_players_user_fkey foreign key (tenant, user_id) references users (tenant, id) on delete cascade,
      constraint recent_players_other_fkey foreign key (tenant, other_user_id) references users (tenant, id) on delete cascade
    )
  `.execute(db);
  // One player's list, most recent first; the sweep by age.
  await sql`create index recent_players_list_idx on recent_players (user_id, played_at desc, other_user_id desc)`.execute(
    db,
  );
  await sql`create index recent_players_played_at_idx on recent_players (played_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table recent_players`.execute(db);
}
