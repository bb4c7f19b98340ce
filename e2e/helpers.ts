import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

// Shared by the browser specs: the web app driven by Debian's chromium against the real server
// (started in global-setup.ts). Every request that is not to 127.0.0.1 is aborted: no test reaches
// the network. Both specs share one server and one demo database: restore what a test changes.

export const BASE = inject('baseUrl');
export const PASSWORD = 'sigap-demo-2026';
export const PEMDA = 'kota-batu';
export const SHOTS = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-results');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

let browser: Browser | undefined;

/** Launches Debian's chromium headless, with `extra` flags (a fake camera, for instance). */
export function launchChromium(extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...extra,
    ],
  });
}

/** Starts chromium before the spec's tests and closes it after them. */
export function useChromium(): void {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

export interface Ctx {
  readonly context: BrowserContext;
  readonly page: Page;
  /** URLs that were blocked because they left the loopback. */
  readonly blocked: string[];
}

/** A fresh browser context (own cookies and storage) whose requests may only go to 127.0.0.1. */
export async function open(
  viewport = DESKTOP,
  extra: Omit<BrowserContextOptions, 'baseURL' | 'viewport'> = {},
): Promise<Ctx> {
  if (!browser) throw new Error('call useChromium() in the spec first');
  return openIn(browser, viewport, extra);
}

/** The same in a given browser, with extra context options (permissions, a location). */
export async function openIn(
  b: Browser,
  viewport = DESKTOP,
  extra: Omit<BrowserContextOptions, 'baseURL' | 'viewport'> = {},
): Promise<Ctx> {
  const context = await b.newContext({
    baseURL: BASE,
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...extra,
  });
  const blocked: string[] = [];
  await context.route('**', (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page, blocked };
}

/** Signs in through the API (the session cookie lands in the context's cookie jar). */
export async function signIn(ctx: Ctx, username: string, password = PASSWORD): Promise<void> {
  const r = await ctx.context.request.post(`${BASE}/api/auth/login`, {
    data: { pemda: PEMDA, username, password },
  });
  expect(r.status(), await r.text()).toBe(200);
}

export async function apiGet<T>(ctx: Ctx, path: string): Promise<T> {
  const r = await ctx.context.request.get(`${BASE}${path}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

/** A changing API call from the signed-in context (with its CSRF token); returns status and body. */
export async function apiSend(
  ctx: Ctx,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const me = await apiGet<{ csrf_token: string }>(ctx, '/api/auth/me');
  const r = await ctx.context.request.fetch(`${BASE}${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrf_token },
    ...(body !== undefined ? { data: body } : {}),
  });
  const text = await r.text();
  return { status: r.status(), body: text ? (JSON.parse(text) as unknown) : null };
}

export async function text(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector).first();
  await el.waitFor();
  return (await el.textContent()) ?? '';
}

/** Whether an element lies (at least partly) inside the viewport; an off-canvas menu does not. */
export async function onScreen(page: Page, testid: string): Promise<boolean> {
  const box = await page.getByTestId(testid).boundingBox();
  const vp = page.viewportSize();
  return !!box && !!vp && box.width > 0 && box.x + box.width > 1 && box.x < vp.width;
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300); // let transitions (menus, chevrons, buttons) settle
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Polls until `fn` returns true (vitest's expect does not wait like Playwright's). */
export async function until(fn: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
