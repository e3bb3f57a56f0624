// The suite version written in every report and certificate: the package's own version, so a
// report names exactly which catalogue and judgement code produced it.
import { readFileSync } from 'node:fs';
import { packagePath } from '../simulator/package-root.ts';

export const SUITE_VERSION: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
