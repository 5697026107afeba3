/**
 * Throws `message` unless `condition` holds; enough for the few checks the browser
 * run makes, without a test framework in the Node process that drives the browser.
 * @param {unknown} condition
 * @param {string} message
 */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
