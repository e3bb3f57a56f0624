// Every mutant of the reference agency, one file each. Shared with the case engineers: add your
// import and array entry, never edit others' (re-read before editing).
import type { MutantDefinition } from './mutant.ts';
import { noAck } from './no-ack.ts';

export type { MutantDefinition } from './mutant.ts';

export const mutants: MutantDefinition[] = [noAck];
