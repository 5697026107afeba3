// What the browser opens: the web workbench of the running server, on a folder of the
// server's machine, optionally with a development extension and a test module.

/**
 * The workbench URL.
 * @param {{ origin: string, port: number, folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string, extensionDevelopmentKind?: 'web' }} options
 *   Absolute paths on the server's file system; `extensionDevelopmentKind: 'web'` runs the
 *   development extension (and so its tests) in the web worker extension host.
 */
export function workbenchUrl({ origin, port, folder, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  // The web workbench takes the `--extensionDevelopmentPath` family of options as a
  // `payload` of name/value pairs, with remote URIs for paths on the server.
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  payload.push(['skipWelcome', 'true']);
  return `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
