// The browser an e2e file drives: Chromium and one page, open before the file's tests and closed after them, and the
// check every file makes, that a test which caused a page or console error fails.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { collectPageErrors, launchChromium } from './chromium';

export interface PageOptions extends Pick<BrowserContextOptions, 'viewport' | 'acceptDownloads'> {
  /** Confirmations (delete, remove a measurement, restore) are accepted, as a reader would. */
  readonly acceptDialogs?: boolean;
}

export interface OpenPage {
  readonly browser: Browser;
  readonly page: Page;
  /** The page's errors since a test last took them (collectPageErrors). */
  readonly errors: string[];
}

/**
 * Launches Chromium and opens a page in a context of its own, so that a second tab (page.context().newPage()) shares
 * its IndexedDB and the context can be taken offline.
 */
export async function openPage({ acceptDialogs = false, ...contextOptions }: PageOptions): Promise<OpenPage> {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext(contextOptions)).newPage();
    const errors = collectPageErrors(page);
    if (acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
    return { browser, page, errors };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Registers the file's hooks: before its tests, openPage(options), then `ready` (typically: keep the page, go to the
 * app and wait for its first screen); after each test, no page errors; after the file, the browser closes.
 */
export function browserSession(options: PageOptions, ready: (session: OpenPage) => Promise<void>): void {
  let session: OpenPage | undefined;

  beforeAll(async () => {
    session = await openPage(options);
    await ready(session);
  });

  afterEach(() => {
    // Any error in the page during a test fails that test.
    expect(session?.errors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await session?.browser.close();
  });
}
