// `node:assert/strict` for the web suites (esbuild.mjs maps the import here): the npm
// package `assert`, Node's assert module for the browser, in its strict mode.
module.exports = require('assert').strict;
