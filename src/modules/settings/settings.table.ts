import { declareEnum, type EnumValue } from '../../platform/enums.js';

/** Who may send a user connection requests (stored in `users.accept_requests_from`). */
export const REQUEST_POLICIES = declareEnum({
  everyone: 'Any user of the tenant (the default).',
  friends_of_friends: 'Only users who share at least one connection with the user.',
  nobody: 'No one: every request is refused with REQUESTS_NOT_ACCEPTED.',
});
export type RequestPolicy = EnumValue<typeof REQUEST_POLICIES>;
