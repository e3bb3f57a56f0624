// The suite version written in every report and certificate: the package's own version, so a
// report names exactly which catalogue and judgement code produced it.
import { readFileSync } from 'node:fs';

export const SUITE_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
