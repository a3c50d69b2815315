import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { timeStep } from '../../src/core/otp/index.js';
import {
  BIN,
  ROOT,
  removeDir,
  startTessera,
  tempDir,
  type RunningTessera,
} from '../support/process.js';
import { codeAt, decodeQrPng, freshPair, secretFromKeyUri, wrongCode } from '../support/qr.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts/console');
const ROOT_PASSWORD = 'Root-Battery-Staple-7';
const ALICE_PASSWORD = 'Correct-Horse-9';

/**
 * The "Done when" story in Chromium against the built server: root creates Alice, Alice
 * assigns a virtual MFA device from the secret the page shows, signs out, signs in with a code;
 * a wrong code is denied and a used one is refused in a fresh browser. Each step is screenshot.
 */
describe('web console in Chromium', { timeout: 120_000 }, () => {
  let tessera: RunningTessera;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  let accountId: string;
  let secret: string;
  let enabledStep: number;
  let signInCode: string;
  let shot = 0;

  async function browser(viewport = { width: 1280, height: 860 }): Promise<Page> {
    const profile = tempDir('tessera-chromium-');
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  async function snap(page: Page, name: string): Promise<void> {
    shot += 1;
    const file = `${String(shot).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: join(SHOTS, file), fullPage: true });
  }

  async function signInAsAlice(page: Page): Promise<void> {
    await page.goto(`${tessera.url}/`);
    await page.getByLabel('Account ID', { exact: true }).fill(accountId);
    await page.getByLabel('IAM user name', { exact: true }).fill('Alice');
    await page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = tempDir();
    // The README's order: the account exists (here from `init`), then its root password is set.
    const init = spawnSync(process.execPath, [BIN, 'init', '--data', dataDir], {
      encoding: 'utf8',
    });
    expect(init.status, init.stderr).toBe(0);
    const set = spawnSync(process.execPath, [BIN, 'root-password', '--data', dataDir], {
      env: { ...process.env, TESSERA_ROOT_PASSWORD: ROOT_PASSWORD },
      encoding: 'utf8',
    });
    expect(set.status, set.stderr).toBe(0);
    tessera = await startTessera({ dataDir });
    accountId = tessera.credentials.accountId;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await tessera?.stop();
    for (const profile of profiles) removeDir(profile);
    if (tessera) removeDir(tessera.dataDir);
  });

  it('root signs in with the root password and creates Alice with a console password', async () => {
    const page = await browser();
    await page.goto(`${tessera.url}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/signin');
    await snap(page, 'signin');

    await page.getByRole('link', { name: 'Sign in as the root user', exact: true }).click();
    await page.getByLabel('Account ID', { exact: true }).fill(accountId);
    await page.getByLabel('Password', { exact: true }).fill(ROOT_PASSWORD);
    await snap(page, 'root-signin');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome, root' }).waitFor();

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('link', { name: 'Create user', exact: true }).click();
    await page.getByLabel('User name', { exact: true }).fill('Alice');
    await page.getByLabel('Console password', { exact: true }).fill(ALICE_PASSWORD);
    await snap(page, 'root-create-user');
    await page.getByRole('button', { name: 'Create user', exact: true }).click();
    await page.getByRole('heading', { name: 'Alice', exact: true }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('The user is created.');
    await snap(page, 'root-user-created');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'You have signed out.' }).waitFor();
    await page.context().close();
  });

  it('Alice signs in and assigns a virtual MFA device from the shown secret key', async () => {
    const page = await browser();
    await signInAsAlice(page);
    await page.getByRole('heading', { name: 'Welcome, Alice' }).waitFor();
    await snap(page, 'alice-home');

    await page.getByRole('link', { name: 'Security credentials', exact: true }).click();
    await snap(page, 'alice-security-credentials');
    await page.getByRole('link', { name: 'Assign MFA device', exact: true }).click();
    await page.getByLabel('Device name', { exact: true }).fill('alice-phone');
    await snap(page, 'assign-name');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(240);
    expect(await qr.evaluate((img) => getComputedStyle(img).imageRendering)).toBe('pixelated');
    await snap(page, 'assign-qr');
    await page.setViewportSize({ width: 390, height: 844 });
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(240);
    await snap(page, 'assign-qr-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole('link', { name: 'Show secret key', exact: true }).click();
    const shown = page.getByLabel('Secret key', { exact: true });
    await shown.waitFor({ state: 'visible' });
    secret = await shown.inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{64}$/);
    // What a phone camera would read from the screen holds the same secret.
    expect(secretFromKeyUri(decodeQrPng(await qr.screenshot()))).toBe(secret);
    await snap(page, 'assign-secret-shown');

    const [code1, code2] = await freshPair(secret);
    enabledStep = timeStep(Date.now());
    await page.getByLabel('MFA code 1', { exact: true }).fill(code1);
    await page.getByLabel('MFA code 2', { exact: true }).fill(code2);
    await page.getByRole('button', { name: 'Add MFA', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Your MFA device is assigned.' }).waitFor();
    await expect
      .poll(() => page.getByRole('cell', { name: 'alice-phone', exact: true }).count())
      .toBe(1);
    await snap(page, 'assign-done');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'You have signed out.' }).waitFor();
    await page.context().close();
  });

  it('Alice signs in again: a code is asked, a wrong one denied, the right one works', async () => {
    const page = await browser({ width: 390, height: 844 });
    await signInAsAlice(page);
    const field = page.getByLabel('MFA code', { exact: true });
    await field.waitFor();
    await snap(page, 'mfa-prompt-phone');

    await field.fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The MFA code is not valid.' }).waitFor();
    await snap(page, 'mfa-wrong-code');

    // An app shows a new code every 30 seconds; the ones used to enable the device are spent.
    while (timeStep(Date.now()) <= enabledStep) await new Promise((r) => setTimeout(r, 250));
    signInCode = codeAt(secret);
    await page.getByLabel('MFA code', { exact: true }).fill(signInCode);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome, Alice' }).waitFor();
    const mfaUsed = page.getByText('MFA used at sign-in').locator('xpath=following-sibling::dd[1]');
    expect(await mfaUsed.textContent()).toBe('Yes');
    await snap(page, 'mfa-signed-in-phone');
  });

  it('the same code again, in a new browser, is refused', async () => {
    const page = await browser();
    await signInAsAlice(page);
    await page.getByLabel('MFA code', { exact: true }).fill(signInCode);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'already been used' }).waitFor();
    await snap(page, 'mfa-code-replay-refused');

    await page.goto(`${tessera.url}/console/home`);
    expect(new URL(page.url()).pathname).toBe('/console/mfa');
  });

  it('the pages broke no Content-Security-Policy rule, and the log holds no secret', () => {
    expect(cspViolations).toEqual([]);
    const logs = tessera.logs();
    expect(logs).toContain('"event":"signin.succeeded"');
    expect(logs).toContain('"event":"signin.failed"');
    for (const secretValue of [ROOT_PASSWORD, ALICE_PASSWORD, secret, signInCode]) {
      expect(logs).not.toContain(secretValue);
    }
  });
});
