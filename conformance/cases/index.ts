// The registry of every implemented case, assembled from the area files (one per catalogue
// area). A catalogue case missing here ends `error` ("not implemented") in every run.
import type { CaseDefinition } from '../case.ts';
import { businessCases } from './business.ts';
import { identifierCases } from './identifiers.ts';
import { receiveCases } from './receive.ts';
import { resilienceCases } from './resilience.ts';
import { sendCases } from './send.ts';
import { signatureCases } from './signatures.ts';
import { statusCases } from './status.ts';
import { transportCases } from './transport.ts';

export const allCases: CaseDefinition[] = [
  ...transportCases,
  ...receiveCases,
  ...sendCases,
  ...statusCases,
  ...identifierCases,
  ...signatureCases,
  ...businessCases,
  ...resilienceCases,
];
