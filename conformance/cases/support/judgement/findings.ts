// Which of the validator's findings on a packet the SUT sent belong to which case: the simulator's
// intake ran validatePacket on it (with the run's trust anchors and CRL) and journaled the
// findings, so cases judge exactly what `truc validate` would say, split by the case's concern.
import type { Finding, LocalizedText } from '../../../../edxml/finding.ts';
import { PATH } from '../../../../edxml/layout.ts';
import { defineCase, type CaseContext, type CaseDefinition } from '../../../case.ts';
import type { JournalEntry } from '../../../journal-view.ts';

export type FindingSelector = (finding: Finding) => boolean;

const ruleIn =
  (...ids: string[]): FindingSelector =>
  (f) =>
    ids.includes(f.rule);

const inMessageHeader = (f: Finding): boolean => f.path.startsWith(PATH.messageHeader);

/** S-01: XML reading, namespace, envelope / header / body / manifest layout. */
export const layoutFindings: FindingSelector = (f) =>
  f.category === 'xml' ||
  ruleIn('EDXML-STRUCT-002', 'EDXML-STRUCT-003', 'EDXML-STRUCT-013')(f) ||
  (f.rule === 'EDXML-STRUCT-001' && !inMessageHeader(f));

/** S-03: DocumentId present and consistent with From, date and code. */
export const documentIdFindings: FindingSelector = ruleIn('EDXML-STRUCT-005', 'EDXML-STRUCT-006', 'EDXML-DATE-003');

/** S-02: the mandatory metadata of MessageHeader, its identifier codes and dates. */
export const metadataFindings: FindingSelector = (f) =>
  !documentIdFindings(f) &&
  (f.category === 'identifier' ||
    f.category === 'date' ||
    ruleIn('EDXML-STRUCT-004', 'EDXML-STRUCT-007', 'EDXML-STRUCT-008', 'EDXML-STRUCT-009', 'EDXML-STRUCT-012', 'EDXML-STRUCT-015')(f) ||
    (f.rule === 'EDXML-STRUCT-001' && inMessageHeader(f)) ||
    f.rule === 'AXIS-TO-003') &&
  !f.path.startsWith(PATH.traceList);

/** S-04: manifest and payloads, base64, names, declared types. */
export const attachmentFindings: FindingSelector = (f) => f.category === 'attachment';

/** B-05: the Bussiness section of revocation / update / replacement packets. */
export const businessFindings: FindingSelector = (f) => f.category === 'business';

const onPacketSignature = (f: Finding): boolean => f.path.startsWith(PATH.signature);

/** SG-01: PDF signatures intact, in an accepted form, chaining to a trust anchor of the run by a valid path (RFC 5280). */
export const pdfIntegrityFindings: FindingSelector = (f) =>
  ruleIn('EDXML-SIG-001', 'EDXML-SIG-002', 'EDXML-SIG-003', 'EDXML-SIG-004', 'EDXML-SIG-012', 'EDXML-SIG-013')(f) ||
  (f.rule === 'EDXML-SIG-020' && !onPacketSignature(f));
/** SG-01 is stricter than `truc validate`: an unsigned PDF, an untrusted chain or an unverifiable form fails it. */
export const PDF_INTEGRITY_STRICTER = ['EDXML-SIG-004', 'EDXML-SIG-012', 'EDXML-SIG-013'];

/** SG-02: the sending organisation's own signature (an unsigned PDF has none either). */
export const organisationSignatureFindings: FindingSelector = ruleIn('EDXML-SIG-013', 'EDXML-SIG-014');
export const ORGANISATION_SIGNATURE_STRICTER = ['EDXML-SIG-013', 'EDXML-SIG-014'];

/** SG-03: certificates valid and not revoked at signing time, with a signing key usage; a verdict resting on an unvouched signingTime (021) warns. */
export const certificateFindings: FindingSelector = ruleIn(
  'EDXML-SIG-005',
  'EDXML-SIG-006',
  'EDXML-SIG-007',
  'EDXML-SIG-008',
  'EDXML-SIG-009',
  'EDXML-SIG-010',
  'EDXML-SIG-011',
  'EDXML-SIG-021',
);

/** SG-04: the packet's XMLDSig signature, wherever it is placed, covering the whole packet, by a valid path. */
export const packetSignatureFindings: FindingSelector = (f) =>
  ruleIn('EDXML-SIG-016', 'EDXML-SIG-017', 'EDXML-SIG-018', 'EDXML-SIG-019')(f) || (f.rule === 'EDXML-SIG-020' && onPacketSignature(f));

export const findingsOf = (entry: JournalEntry, select: FindingSelector): Finding[] => entry.findings.filter(select);

/** A case whose whole judgement is the validator's findings of one concern on a packet the SUT was made to send. */
export const sentFindingsCase = (options: {
  id: string;
  /** Makes the SUT send and resolves with the journal entry of the accepted packet. */
  send: (ctx: CaseContext) => Promise<JournalEntry>;
  select: FindingSelector;
  /** Rule ids this case treats as errors although the validator warns (the case says why). */
  stricter?: readonly string[];
  expected: LocalizedText;
  /** The pass message, or a function of the judged entry when the message reports what was seen. */
  passed: LocalizedText | ((entry: JournalEntry) => LocalizedText);
}): CaseDefinition =>
  defineCase<undefined, JournalEntry>({
    id: options.id,
    counterparts: 1,
    schedule: 'concurrent',
    await: options.send,
    assert: (ctx, _state, entry) => {
      ctx.judgeFindings(findingsOf(entry, options.select), options.expected, { stricter: options.stricter ?? [] });
      ctx.pass(typeof options.passed === 'function' ? options.passed(entry) : options.passed);
    },
  });
