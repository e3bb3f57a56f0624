// The registry of every implemented case, assembled from the area files (one per catalogue
// area). A catalogue case missing here ends `error` ("not implemented") in every run.
import type { CaseDefinition } from '../case.ts';
import { identifierCases } from './identifiers.ts';
import { receiveCases } from './receive.ts';
import { sendCases } from './send.ts';
import { statusCases } from './status.ts';
import { transportCases } from './transport.ts';

export const allCases: CaseDefinition[] = [...transportCases, ...receiveCases, ...sendCases, ...statusCases, ...identifierCases];
