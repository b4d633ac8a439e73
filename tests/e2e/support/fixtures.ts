// The test object every spec imports. Its automatic fixture is a guard: a test fails if the
// page asks for anything outside its own origin, throws, logs an error (a Rust panic does),
// or breaks the Content-Security-Policy.
import { test as base, expect } from '@playwright/test';
import { App } from './app';

type Fixtures = {
  /** Errors a test provokes on purpose (one pattern); anything else still fails it. */
  expectedPageErrors: RegExp | null;
  /**
   * The first-run tour counts as seen (true unless a test says otherwise): every page of the
   * context starts with its storage key set, as for someone who has used the app before.
   */
  tourSeen: boolean;
  guard: void;
  app: App;
};

export const test = base.extend<Fixtures>({
  expectedPageErrors: [null, { option: true }],
  tourSeen: [true, { option: true }],

  guard: [
    async ({ page, context, baseURL, expectedPageErrors, tourSeen }, use) => {
      if (tourSeen) {
        await context.addInitScript(() => {
          try {
            if (localStorage.getItem('cst-workbench.tour') === null) localStorage.setItem('cst-workbench.tour', 'done');
          } catch {
            // about:blank has no storage of its own
          }
        });
      }
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:') {
          return route.continue();
        }
        foreign.push(url.href);
        return route.abort('blockedbyclient');
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
        );
      });

      await use();

      expect(foreign, 'requests outside the app origin').toEqual([]);
      const unexpected = errors.filter((e) => !expectedPageErrors?.test(e));
      expect(unexpected, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],

  app: async ({ page }, use) => {
    await use(new App(page));
  },
});

export { expect };
