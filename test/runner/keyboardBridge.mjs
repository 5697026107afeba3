// Lets the integration suites, which run inside VS Code's extension host, drive the
// workbench page the way a person would: keys typed and pressed by Playwright into the
// real DOM (the quick pick's input, the editor), and DOM text read back. The runner
// starts it on a loopback port and passes the address in QUALSYNTH_KEYBOARD_BRIDGE,
// which the VS Code server hands on to the extension host.
import { createServer } from 'node:http';

/**
 * @typedef {{ waitFor: string, hasText?: string, state?: 'visible' | 'hidden' | 'attached' | 'detached', timeout?: number }
 *   | { type: string } | { press: string } | { read: string, attribute?: string, value?: boolean } | { pause: number }} Step
 */

/**
 * Starts the bridge; `attach(page)` gives it the workbench page once it is open.
 * @returns {Promise<{ url: string, attach: (page: import('playwright-core').Page) => void, close: () => Promise<void> }>}
 */
export async function startKeyboardBridge() {
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      try {
        if (!page) throw new Error('the workbench page is not open yet');
        const { steps } = JSON.parse(body);
        const results = [];
        for (const step of steps) results.push(await run(page, step));
        send(response, 200, { results });
      } catch (error) {
        send(response, 500, { error: error.message });
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    attach: (opened) => (page = opened),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs one step; returns what a `read` step read. */
async function run(page, step) {
  if ('waitFor' in step) {
    const locator = page.locator(step.waitFor, step.hasText ? { hasText: new RegExp(step.hasText, 's') } : {});
    try {
      return void (await locator.first().waitFor({ state: step.state ?? 'visible', timeout: step.timeout ?? 10_000 }));
    } catch (error) {
      // Say what was there instead, so a failing test tells what it saw.
      const seen = (await page.locator(step.waitFor).allInnerTexts()).map((text) => JSON.stringify(text.trim().slice(0, 200)));
      throw new Error(`${error.message.split('\n')[0]} waiting for ${step.waitFor}${step.hasText ? ` with /${step.hasText}/` : ''}; found [${seen.join(', ')}]`);
    }
  }
  if ('type' in step) return void (await page.keyboard.type(step.type, { delay: 15 }));
  if ('press' in step) return void (await page.keyboard.press(step.press));
  if ('read' in step && step.value) return page.locator(step.read).evaluateAll((elements) => elements.map((element) => String(element.value ?? '')));
  if ('read' in step && step.attribute) return page.locator(step.read).evaluateAll((elements, name) => elements.map((element) => element.getAttribute(name) ?? ''), step.attribute);
  if ('read' in step) return (await page.locator(step.read).allInnerTexts()).map((text) => text.trim());
  if ('pause' in step) return void (await page.waitForTimeout(step.pause));
  throw new Error(`unknown step ${JSON.stringify(step)}`);
}

function send(response, status, value) {
  // The web worker extension host calls from the workbench's origin, another port.
  response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(value));
}
