import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The unpacked Chrome build that `wxt build` writes. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  /** `chrome-extension://<id>/`, with the trailing slash. */
  baseUrl: string;
  /** Temporary folder for the browser profile and downloads, removed by `close`. */
  tempDir: string;
  /** Every request to anything but the extension's own origin, as `<event> <url>`. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/**
 * Computes the id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of
 * its absolute path, each digit 0-f written as a letter a-p.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(extensionDir).digest('hex').slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface LaunchOptions {
  /** More Chromium command-line switches, such as `--log-net-log=<file>`. */
  extraArgs?: readonly string[];
}

/** Launches Debian's Chromium headless with the built extension in a fresh profile. */
export async function launchExtension({ extraArgs = [] }: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}. Run \`npx wxt build\` first.`);
  }
  const tempDir = await mkdtemp(path.join(tmpdir(), 'adoption-lens-e2e-'));
  const context = await chromium.launchPersistentContext(path.join(tempDir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/New_York',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // Chromium itself looks up update.googleapis.com and accounts.google.com even with background
      // networking off; failing every host name locally keeps those DNS queries off the network.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...extraArgs,
    ],
  });

  const baseUrl = `chrome-extension://${unpackedExtensionId(EXTENSION_DIR)}/`;
  const foreignRequests: string[] = [];
  // Blob URLs the extension's pages create (workbook downloads) carry the extension's origin.
  const isOwn = (url: string) => url.startsWith(baseUrl) || url.startsWith(`blob:${baseUrl}`);
  context.on('request', (request) => {
    if (!isOwn(request.url())) foreignRequests.push(`request ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    if (!isOwn(request.url())) foreignRequests.push(`requestfailed ${request.url()}`);
  });

  return {
    context,
    baseUrl,
    tempDir,
    foreignRequests,
    async close() {
      await context.close();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
