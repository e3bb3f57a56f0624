// The registry of every implemented case, assembled from the area files (one per catalogue
// area). A catalogue case missing here ends `error` ("not implemented") in every run.
import type { CaseDefinition } from '../case.ts';
import { receiveCases } from './receive.ts';
import { sendCases } from './send.ts';

export const allCases: CaseDefinition[] = [...receiveCases, ...sendCases];
