/** The small review the GRADE-CERQual tests compute by hand. */
import * as path from 'node:path';

/** test/fixtures/cerqual: four studies, two findings. */
export const CERQUAL_FIXTURE = path.resolve(__dirname, '../../fixtures/cerqual');
