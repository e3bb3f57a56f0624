// Run ids: readable (the start time, as in the output folder name) and unique enough that several
// runs can share one sandbox axis.
import { randomBytes } from 'node:crypto';
import { vietnamStamp } from './vietnam-time.ts';

export const newRunId = (now: Date = new Date()): string => `r-${vietnamStamp(now)}-${randomBytes(3).toString('hex')}`;
