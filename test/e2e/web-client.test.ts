import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebExample, type WebExample } from '../../examples/web/server.js';
import { secretKey, signToken } from '../../src/platform/auth/jwt.js';
import { DEVELOPMENT_JWT_SECRET } from '../../src/platform/config.js';

/**
 * The reference web client (examples/web) in headless Chromium: two players in two browser
 * contexts, one live socket each, against the example server (gateway in-process, PGlite in memory).
 * Skipped without Debian's chromium, except under CI, where it is installed and this must run.
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (process.env.CI && !available) throw new Error(`${CHROMIUM} is required under CI (apt-get install -y chromium)`);

const SCREENSHOT = 'test-artifacts/web-client.png';
const PRESENCE_SCREENSHOT = 'test-artifacts/web-client-presence.png';
const INVITE_SCREENSHOT = 'test-artifacts/web-client-invite.png';
const SEARCH_SCREENSHOT = 'test-artifacts/web-client-search.png';
const FRIENDS_SCREENSHOT = 'test-artifacts/web-client-friends.png';
const RECENT_SCREENSHOT = 'test-artifacts/web-client-recent.png';

/** A friend code as the owner's page shows it: 8 characters without look-alikes (0/O, 1/I/L), `7KQ4-M2XD`. */
const FRIEND_CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe.skipIf(!available)('examples/web in Chromium', () => {
  let example: WebExample;
  let browser: Browser;
  const pageErrors: string[] = [];
  /** Each test's browser contexts, closed after it: its players' sockets close, so they go offline. */
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    example = await startWebExample({
      env: {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        PGLITE_DIR: 'memory://',
        LOG_LEVEL: 'silent',
        // A player whose last socket closed is offline after 1 s, not 30.
        PRESENCE_GRACE_SECONDS: '1',
      },
      logLevel: 'silent',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await example?.stop();
  });

  async function signedIn(player: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(`${player}: ${error.message}`));
    await page.goto(example.url);
    await page.getByLabel('Play as').selectOption(player);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('status', { name: 'Live updates' }).getByText('Live').waitFor();
    return page;
  }

  const list = (page: Page, name: string) => page.getByRole('list', { name, exact: true });

  /** The unread count the bell's label says. */
  async function unreadCount(page: Page): Promise<number> {
    const label = await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).getAttribute('aria-label');
    return Number(/(\d+) unread/.exec(label ?? '')?.[1]);
  }

  /** The game's backend: the example runs on the development secret, so it signs its service token with it. */
  const serviceToken = () => signToken(secretKey(DEVELOPMENT_JWT_SECRET), { sub: 'game-backend', role: 'service' });

  /** Two seeded friends, each on its page, the invitee online on the inviter's. */
  async function inviterAndInvitee(): Promise<{ inviter: Page; invitee: Page; friend: Locator }> {
    const inviter = await signedIn('user123'); // PlayerOne
    const invitee = await signedIn('user456'); // PlayerTwo
    const friend = list(inviter, 'Friends').getByRole('listitem').filter({ hasText: 'PlayerTwo' });
    await friend.getByText('Online', { exact: true }).waitFor();
    return { inviter, invitee, friend };
  }

  /** The inviter invites the friend with a message; answers the invite as the invitee's page lists it. */
  async function invite(inviter: Page, invitee: Page, friend: Locator, message: string): Promise<Locator> {
    await inviter.getByLabel('Invite message').fill(message);
    await friend.getByRole('button', { name: 'Invite PlayerTwo' }).click();
    return list(invitee, 'Invites received')
      .getByRole('listitem')
      .filter({ hasText: `“${message}”` });
  }

  it('should show a request live to its receiver, and the connection to both after accepting', async () => {
    const receiver = await signedIn('user202'); // PlayerFive
    const sender = await signedIn('user789'); // PlayerThree
    await receiver.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
    // Set on the page object: it survives only if the page is never reloaded.
    await receiver.evaluate(() => Object.assign(window, { untouched: true }));

    await sender.getByLabel('Player id').fill('user202');
    await sender.getByLabel('Message', { exact: true }).fill('GG! Duo queue?');
    await sender.getByRole('button', { name: 'Send request' }).click();
    await list(sender, 'Outgoing requests').getByText('PlayerFive').waitFor();

    // Live on the receiver's page: the request, the bell, no reload.
    await list(receiver, 'Incoming requests').getByText('“GG! Duo queue?”').waitFor();
    await receiver.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await receiver.getByRole('button', { name: 'Accept request from PlayerThree' }).click();

    await list(receiver, 'Friends').getByText('PlayerThree').waitFor();
    await list(receiver, 'Incoming requests').getByText('PlayerThree').waitFor({ state: 'detached' });
    // The sender's page follows by itself: the friend, the emptied outgoing list, the bell.
    await list(sender, 'Friends').getByText('PlayerFive').waitFor();
    await list(sender, 'Outgoing requests').getByText('PlayerFive').waitFor({ state: 'detached' });
    await sender.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await list(sender, 'Notifications').getByText('PlayerFive accepted your request').waitFor();

    await receiver.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await list(receiver, 'Notifications').getByText('PlayerThree sent you a connection request').waitFor();
    await mkdir('test-artifacts', { recursive: true });
    await receiver.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(await receiver.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('should resume after a dropped socket and keep the bell and lists in step', async () => {
    const player = await signedIn('user123'); // seeded: PlayerTwo is a friend, PlayerFour's request waits
    const other = await signedIn('user101');
    await list(player, 'Friends').getByText('PlayerTwo').waitFor();
    // PlayerTwo's acceptance and PlayerFour's request.
    await player.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();

    await player.getByRole('button', { name: 'Simulate disconnect' }).click();
    await other.getByRole('button', { name: 'Cancel request to PlayerOne' }).click();
    await player.getByRole('status', { name: 'Live updates' }).getByText('Live').waitFor();

    // The withdrawn request leaves the list (event or resync), its notification arrives once,
    // already read, and the unread count drops with the NEW_REQUEST notification it marked read.
    await list(player, 'Incoming requests').getByText('PlayerFour').waitFor({ state: 'detached' });
    await player.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await list(player, 'Notifications').getByText('PlayerFour withdrew their request').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await list(player, 'Notifications').getByText('PlayerFour withdrew their request').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('should show a friend online, busy with its activity and offline, live on the other player’s page', async () => {
    // Seeded connections. PlayerTwo signs in nowhere else, so it starts offline.
    const watcher = await signedIn('user123'); // PlayerOne
    const friend = list(watcher, 'Friends').getByRole('listitem').filter({ hasText: 'PlayerTwo' });
    await friend.getByText('Offline', { exact: true }).waitFor();
    await watcher.evaluate(() => Object.assign(window, { untouched: true }));

    // PlayerTwo's page opens its socket: that makes it online.
    const player = await signedIn('user456');
    await friend.getByText('Online', { exact: true }).waitFor();
    const setStatus = async (status: string, activity: string) => {
      await player.getByLabel('Status', { exact: true }).selectOption(status);
      await player.getByLabel('Activity', { exact: true }).fill(activity);
      await player.getByRole('button', { name: 'Set status' }).click();
    };

    await setStatus('BUSY', 'Ranked — 3rd round');
    await player.getByRole('status', { name: 'Your presence' }).getByText('busy: Ranked — 3rd round').waitFor();
    await friend.getByText('Busy', { exact: true }).waitFor();
    await friend.getByText('Ranked — 3rd round', { exact: true }).waitFor();
    await mkdir('test-artifacts', { recursive: true });
    await watcher.screenshot({ path: PRESENCE_SCREENSHOT, fullPage: true });

    // Invisible: offline to friends, its activity with it; the player itself still sees its choice.
    await setStatus('INVISIBLE', 'Ranked — 3rd round');
    await player.getByRole('status', { name: 'Your presence' }).getByText('see you as offline').waitFor();
    await friend.getByText('Offline', { exact: true }).waitFor();
    expect(await friend.getByText('Ranked — 3rd round').count()).toBe(0);

    // Visible again, then gone: offline once its page's socket has been closed for the grace period.
    await setStatus('ONLINE', '');
    await friend.getByText('Online', { exact: true }).waitFor();
    await player.context().close();
    await friend.getByText('Offline', { exact: true }).waitFor();

    expect(await watcher.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('should show a notification the game’s backend sends, live, with the bell', async () => {
    const player = await signedIn('user456'); // PlayerTwo
    const bell = player.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    const unread = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    await player.evaluate(() => Object.assign(window, { untouched: true }));

    const sent = await fetch(`${example.url}/v1/users/user456/notifications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await serviceToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'game.match_found', message: 'Your match is ready', payload: { match: 'm-8841' } }),
    });
    expect(sent.status).toBe(201);

    await player.getByRole('button', { name: `Notifications, ${unread + 1} unread` }).click();
    await list(player, 'Notifications').getByText('Your match is ready').waitFor();
    expect(await player.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  // After the first two tests: it connects PlayerFour and PlayerThree, and leaves PlayerThree a
  // notification the first test does not expect.
  it('should find a player by part of its name, add it from the results, and connect the two live', async () => {
    const searcher = await signedIn('user101'); // PlayerFour
    const found = await signedIn('user789'); // PlayerThree
    const [searcherUnread, foundUnread] = [await unreadCount(searcher), await unreadCount(found)];
    for (const page of [searcher, found]) await page.evaluate(() => Object.assign(window, { untouched: true }));
    const results = list(searcher, 'Players found');

    // Every demo player's name starts with "Player": the searcher is among them, and is offered nothing.
    await searcher.getByLabel('Find players').fill('PLAYER');
    const self = results.getByRole('listitem').filter({ hasText: 'PlayerFour' });
    await self.getByText('You', { exact: true }).waitFor();
    expect(await self.getByRole('button').count()).toBe(0);

    // Part of another's name, in lower case: case does not matter.
    await searcher.getByLabel('Find players').fill('three');
    await self.waitFor({ state: 'detached' });
    const row = results.getByRole('listitem').filter({ hasText: 'PlayerThree' });
    await row.getByRole('button', { name: 'Add PlayerThree as a friend' }).click();
    await row.getByText('Request sent', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await list(searcher, 'Outgoing requests').getByText('PlayerThree').waitFor();
    await mkdir('test-artifacts', { recursive: true });
    await searcher.screenshot({ path: SEARCH_SCREENSHOT, fullPage: true });

    // Live on the other player's page: the request, the bell, no reload.
    await list(found, 'Incoming requests').getByRole('listitem').filter({ hasText: 'PlayerFour' }).waitFor();
    await found.getByRole('button', { name: `Notifications, ${foundUnread + 1} unread` }).waitFor();
    await found.getByRole('button', { name: 'Accept request from PlayerFour' }).click();

    // Both friends lists, and the searcher's results follow by themselves.
    await list(found, 'Friends').getByText('PlayerFour').waitFor();
    await list(searcher, 'Friends').getByText('PlayerThree').waitFor();
    await row.getByText('Friend', { exact: true }).waitFor();
    await list(searcher, 'Outgoing requests').getByText('PlayerThree').waitFor({ state: 'detached' });
    await searcher.getByRole('button', { name: `Notifications, ${searcherUnread + 1} unread` }).waitFor();

    for (const page of [searcher, found]) {
      expect(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    }
    expect(existsSync(SEARCH_SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  // The invite tests run after those above: they leave PlayerOne notifications that those do not expect.
  it('should show an invite live to the friend invited, counting down, then its join info to it and its acceptance to the inviter', async () => {
    const { inviter, invitee, friend } = await inviterAndInvitee();
    const [inviterUnread, inviteeUnread] = [await unreadCount(inviter), await unreadCount(invitee)];
    const lobbyText = await inviter.getByRole('status', { name: 'Your lobby' }).textContent();
    const lobby = /lobby-\w+/.exec(lobbyText ?? '')?.[0];
    expect(lobby).toBeDefined();
    for (const page of [inviter, invitee]) await page.evaluate(() => Object.assign(window, { untouched: true }));

    const received = await invite(inviter, invitee, friend, 'Squad up? Ranked in 5');
    const sent = list(inviter, 'Invites sent').getByRole('listitem').filter({ hasText: 'Squad up? Ranked in 5' });
    await sent.getByRole('button', { name: 'Withdraw invite to PlayerTwo' }).waitFor();

    // Live on the invitee's page: who, the message, the bell, and the 5 minutes left counting down.
    await received.getByText('PlayerOne').waitFor();
    await invitee.getByRole('button', { name: `Notifications, ${inviteeUnread + 1} unread` }).waitFor();
    expect(await received.getByRole('timer').textContent()).toMatch(/^expires in (5:00|4:5\d)$/);
    await received
      .getByRole('timer')
      .getByText(/^expires in 4:5\d$/)
      .waitFor();
    await received.getByRole('button', { name: 'Accept invite from PlayerOne' }).click();

    // The join info the acceptance answered; the invite answered, its notification read with it.
    await invitee.getByRole('status', { name: 'Game joined' }).getByText(`Joined: {"lobby":"${lobby}"}`).waitFor();
    await received.getByText('Accepted', { exact: true }).waitFor();
    expect(await received.getByRole('button').count()).toBe(0);
    await invitee.getByRole('button', { name: `Notifications, ${inviteeUnread} unread` }).click();
    await list(invitee, 'Notifications').getByText('PlayerOne invites you to play').waitFor();
    await invitee
      .getByRole('button', { name: 'Mark read: PlayerOne invites you to play' })
      .waitFor({ state: 'detached' });
    await mkdir('test-artifacts', { recursive: true });
    await invitee.screenshot({ path: INVITE_SCREENSHOT, fullPage: true });

    // The inviter's page follows by itself: the INVITE_ACCEPTED notification, the bell, the invite answered.
    await sent.getByText('Accepted', { exact: true }).waitFor();
    await inviter.getByRole('button', { name: `Notifications, ${inviterUnread + 1} unread` }).click();
    await list(inviter, 'Notifications').getByText('PlayerTwo accepted your invite').waitFor();

    for (const page of [inviter, invitee]) {
      expect(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    }
    expect(existsSync(INVITE_SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('should show an invite declined to its inviter, and one its inviter withdraws as withdrawn, live', async () => {
    const { inviter, invitee, friend } = await inviterAndInvitee();
    const [inviterUnread, inviteeUnread] = [await unreadCount(inviter), await unreadCount(invitee)];

    const declined = await invite(inviter, invitee, friend, 'Rematch?');
    await invitee.getByRole('button', { name: `Notifications, ${inviteeUnread + 1} unread` }).waitFor();
    await declined.getByRole('button', { name: 'Decline invite from PlayerOne' }).click();
    await declined.getByText('Declined', { exact: true }).waitFor();
    await invitee.getByRole('button', { name: `Notifications, ${inviteeUnread} unread` }).waitFor();
    expect(await invitee.getByRole('status', { name: 'Game joined' }).textContent()).toBe('');
    const sent = list(inviter, 'Invites sent').getByRole('listitem').filter({ hasText: 'Rematch?' });
    await sent.getByText('Declined', { exact: true }).waitFor();
    await inviter.getByRole('button', { name: `Notifications, ${inviterUnread + 1} unread` }).click();
    await list(inviter, 'Notifications').getByText('PlayerTwo declined your invite').waitFor();

    // Withdrawn while the invitee's page shows it: the page hears only that its unread count fell.
    const withdrawn = await invite(inviter, invitee, friend, 'Last call: lobby closes soon');
    await withdrawn.getByRole('button', { name: 'Accept invite from PlayerOne' }).waitFor();
    await invitee.getByRole('button', { name: `Notifications, ${inviteeUnread + 1} unread` }).waitFor();
    await list(inviter, 'Invites sent')
      .getByRole('listitem')
      .filter({ hasText: 'Last call' })
      .getByRole('button', { name: 'Withdraw invite to PlayerTwo' })
      .click();
    await withdrawn.getByText('Withdrawn', { exact: true }).waitFor();
    expect(await withdrawn.getByRole('button').count()).toBe(0);
    await invitee.getByRole('button', { name: `Notifications, ${inviteeUnread} unread` }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  // The tests below run last: they connect PlayerOne with PlayerFive and PlayerThree, whom the
  // tests above expect unconnected (and PlayerFive without notifications).
  it('should add a friend by its friend code, then show the friend under its nickname, starred and first', async () => {
    const owner = await signedIn('user123'); // PlayerOne: PlayerTwo is its friend (seeded)
    const code = owner.getByRole('status', { name: 'Your friend code' });
    await code.getByText(FRIEND_CODE).waitFor();
    const oldCode = (await code.textContent()) ?? '';
    // A new code: the one shared before names no one from now on.
    await owner.getByRole('button', { name: 'New code' }).click();
    await expect.poll(() => code.textContent()).not.toBe(oldCode);
    const newCode = (await code.textContent()) ?? '';
    expect(newCode).toMatch(FRIEND_CODE);

    const adder = await signedIn('user202'); // PlayerFive
    const problem = adder.getByRole('alert', { name: 'Friend code problem' });
    const addByCode = async (typed: string) => {
      await adder.getByLabel('Friend code', { exact: true }).fill(typed);
      await adder.getByRole('button', { name: 'Add by code' }).click();
    };
    await addByCode(oldCode);
    await problem.getByText(`No player has the friend code ${oldCode}.`).waitFor();
    await problem.getByText('FRIEND_CODE_NOT_FOUND', { exact: true }).waitFor();
    await addByCode('PLAYER-1');
    await problem.getByText('“PLAYER-1” is not a friend code').waitFor();
    await problem.getByText('VALIDATION_FAILED', { exact: true }).waitFor();
    // As a player may type it: lower case, without the dash.
    await addByCode(newCode.replace('-', '').toLowerCase());
    await adder.getByRole('status', { name: 'Request by code' }).getByText('Request sent to PlayerOne.').waitFor();
    await problem.waitFor({ state: 'hidden' });
    expect(await adder.getByLabel('Friend code', { exact: true }).inputValue()).toBe('');
    await list(adder, 'Outgoing requests').getByText('PlayerOne').waitFor();

    await owner.getByRole('button', { name: 'Accept request from PlayerFive' }).click();
    const friends = list(owner, 'Friends').getByRole('listitem');
    const added = friends.filter({ hasText: 'PlayerFive' });
    await added.waitFor();
    await list(adder, 'Friends').getByText('PlayerOne').waitFor();

    // PlayerFive goes offline and PlayerTwo comes online: online friends first, so PlayerTwo leads.
    await adder.context().close();
    await signedIn('user456');
    await added.getByText('Offline', { exact: true }).waitFor();
    await friends.filter({ hasText: 'PlayerTwo' }).getByText('Online', { exact: true }).waitFor();
    await expect.poll(() => friends.first().textContent()).toContain('PlayerTwo');

    await added.getByRole('button', { name: 'Nickname and note for PlayerFive' }).click();
    const editor = owner.getByRole('dialog', { name: 'Nickname and note' });
    await editor.getByLabel('Nickname').fill('Duo partner');
    await editor.getByLabel('Note').fill('Plays support, evenings');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'hidden' });
    const nicknamed = friends.filter({ hasText: 'Duo partner' });
    await nicknamed.getByText('(PlayerFive)', { exact: true }).waitFor();
    await nicknamed.getByText('Plays support, evenings', { exact: true }).waitFor();

    // Starred: first, though offline.
    await nicknamed.getByRole('button', { name: 'Favourite Duo partner', pressed: false }).click();
    await nicknamed.getByRole('button', { name: 'Favourite Duo partner', pressed: true }).waitFor();
    await expect.poll(() => friends.first().textContent()).toContain('Duo partner');
    expect(await friends.first().getByText('Offline', { exact: true }).count()).toBe(1);
    expect(await friends.nth(1).textContent()).toContain('PlayerTwo');
    await mkdir('test-artifacts', { recursive: true });
    await owner.screenshot({ path: FRIENDS_SCREENSHOT, fullPage: true });
    expect(existsSync(FRIENDS_SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('should say when too many friend codes name no one, and hold the button until the wait is over', async () => {
    const guesser = await signedIn('user101'); // PlayerFour
    const problem = guesser.getByRole('alert', { name: 'Friend code problem' });
    const submit = guesser.getByRole('button', { name: 'Add by code' });
    // The example's default budget: 5 codes that name no one per 60-second window. Windows are
    // fixed (whole minutes of the clock): the six guesses must fall in one, so a run that would
    // start late in a window waits for the next.
    const leftInWindow = 60_000 - (Date.now() % 60_000);
    if (leftInWindow < 25_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 100));
    for (const guess of ['2222-2222', '2222-2223', '2222-2224', '2222-2225', '2222-2226']) {
      await guesser.getByLabel('Friend code', { exact: true }).fill(guess);
      await submit.click();
      await problem.getByText(`No player has the friend code ${guess}.`).waitFor();
    }
    await guesser.getByLabel('Friend code', { exact: true }).fill('2222-2227');
    await submit.click();
    await problem.getByText(/^Too many tries\. Try again in \d+ s\.$/).waitFor();
    await problem.getByText('RATE_LIMITED', { exact: true }).waitFor();
    expect(await submit.isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('should list a player met in a match the game’s backend records, add it from there, and follow its answer', async () => {
    const player = await signedIn('user123'); // PlayerOne
    const recent = list(player, 'Recently played with');
    const row = recent.getByRole('listitem').filter({ hasText: 'PlayerThree' });

    // The game's backend, after a match: who played together (a service token only).
    const match = `match-${Date.now()}`;
    const recorded = await fetch(`${example.url}/v1/recent-players`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await serviceToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ players: ['user123', 'user789'], context: match }),
    });
    expect(recorded.status).toBe(201);
    // Nothing announces a match live: the page reads the list again when asked.
    await player.getByRole('button', { name: 'Refresh recently played with' }).click();
    await row.getByText(match).waitFor();
    await row.getByRole('button', { name: 'Add PlayerThree as a friend' }).click();
    await row.getByText('Request sent', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await list(player, 'Outgoing requests').getByText('PlayerThree').waitFor();

    // The other player met the player too, and answers the request: the row follows live.
    const other = await signedIn('user789'); // PlayerThree
    await list(other, 'Recently played with')
      .getByRole('listitem')
      .filter({ hasText: 'PlayerOne' })
      .getByText('Wants to connect', { exact: true })
      .waitFor();
    await other.getByRole('button', { name: 'Accept request from PlayerOne' }).click();
    await row.getByText('Friend', { exact: true }).waitFor();
    await list(player, 'Friends').getByText('PlayerThree').waitFor();

    // The example's own stand-in for a game server (development only): a demo match from the page.
    await player.getByLabel('Demo match with').selectOption('user101');
    await player.getByRole('button', { name: 'Record match' }).click();
    await expect.poll(() => recent.getByRole('listitem').first().textContent()).toContain('PlayerFour');
    await mkdir('test-artifacts', { recursive: true });
    await player.screenshot({ path: RECENT_SCREENSHOT, fullPage: true });
    expect(existsSync(RECENT_SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
