// The reference agency: a correct agency document-management system, written to be read. It is
// the SUT of `truc demo` and of the suite's own tests, and the integration example vendors study.
//
// It is one class built in layers, one file per concern, read in this order (agency/):
//   - polling.ts   — start (read the directory once, register if it lacks us), poll cycles, identity, clock;
//   - retries.ts   — two ordered outboxes (status feedback, documents) with backoff; acks retried;
//   - receiving.ts — list both inboxes, fetch, judge with its own acceptance rules (acceptance.ts), acknowledge;
//   - answering.ts — 01 then 03 or 02 with a reason; 04 → 05 → 06; every status packet it builds;
//   - sending.ts   — on a trigger: compose, sign (PDF personal + organisation; packet XMLDSig), queue, follow;
//   - business.ts  — revocation / update / replacement / take-back, received (15/16) and sent.
//
// Every behaviour is one small protected method, so a mutant (mutants/) is a subclass that
// overrides exactly one of them to carry exactly one defect.
import { BusinessAgency } from './agency/business.ts';

export type { ReferenceAgencyOptions, SigningIdentity, TriggerAnswer, TrustMaterial } from './agency/options.ts';

export class ReferenceAgency extends BusinessAgency {}
