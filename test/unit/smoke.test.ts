import { strict as assert } from 'node:assert';
import { renderMarkdown } from '../../src/core/report/markdownReport';
describe('smoke', () => { it('loads ESM remark under mocha', () => { assert.ok(typeof renderMarkdown === 'function'); }); });
