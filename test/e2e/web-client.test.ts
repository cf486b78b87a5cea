import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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

  it('should show a request live to its receiver, and the connection to both after accepting', async () => {
    const receiver = await signedIn('user202'); // PlayerFive
    const sender = await signedIn('user789'); // PlayerThree
    await receiver.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
    // Set on the page object: it survives only if the page is never reloaded.
    await receiver.evaluate(() => Object.assign(window, { untouched: true }));

    await sender.getByLabel('Player id').fill('user202');
    await sender.getByLabel('Message').fill('GG! Duo queue?');
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

    // The example runs on the development secret: the game's backend signs its service token with it.
    const service = await signToken(secretKey(DEVELOPMENT_JWT_SECRET), { sub: 'game-backend', role: 'service' });
    const sent = await fetch(`${example.url}/v1/users/user456/notifications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'game.match_found', message: 'Your match is ready', payload: { match: 'm-8841' } }),
    });
    expect(sent.status).toBe(201);

    await player.getByRole('button', { name: `Notifications, ${unread + 1} unread` }).click();
    await list(player, 'Notifications').getByText('Your match is ready').waitFor();
    expect(await player.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
