// Every mutant of the reference agency, one file each. Shared with the case engineers: add your
// import and array entry, never edit others' (re-read before editing).
import type { MutantDefinition } from './mutant.ts';
import { noAck } from './no-ack.ts';
// T, R, ST, I cases
import { forgedFollowSignature } from './forged-follow-signature.ts';
import { foreignFromHeader } from './foreign-from-header.ts';
import { hashBeforeNewline } from './hash-before-newline.ts';
import { answersAsEdoc } from './answers-as-edoc.ts';
import { secretInHeader } from './secret-in-header.ts';
import { pollsTooFast } from './polls-too-fast.ts';
import { doubleAck } from './double-ack.ts';
import { codeWithoutNotation } from './code-without-notation.ts';
import { rejectsZip } from './rejects-zip.ts';
import { decomposedNotation } from './decomposed-notation.ts';
import { receiptPerRecipient } from './receipt-per-recipient.ts';
import { registersAgain } from './registers-again.ts';
import { acceptsBrokenAttachments } from './accepts-broken-attachments.ts';
import { acceptsMisaddressed } from './accepts-misaddressed.ts';
import { ignoresLarge } from './ignores-large.ts';
import { ignoresStatusMailbox } from './ignores-status-mailbox.ts';
import { noStaffInfo } from './no-staff-info.ts';
import { unknownFinishCode } from './unknown-finish-code.ts';
import { repeatsAssignment } from './repeats-assignment.ts';
import { noReceipt } from './no-receipt.ts';
import { rejectsWithoutReason } from './rejects-without-reason.ts';
import { statusToSelf } from './status-to-self.ts';
import { malformedReferenceCode } from './malformed-reference-code.ts';
import { departmentAsSender } from './department-as-sender.ts';
import { neverReadsDirectory } from './never-reads-directory.ts';
import { rejectsQd20Sender } from './rejects-qd20-sender.ts';
import { retriesForever } from './retries-forever.ts';
// S, SG, B, F cases
import { noEnvelopeBody } from './no-envelope-body.ts';
import { emptySubject } from './empty-subject.ts';
import { badDocumentId } from './bad-document-id.ts';
import { attachmentWithoutContentId } from './attachment-without-content-id.ts';
import { noTraceHeader } from './no-trace-header.ts';
import { packetPerRecipient } from './packet-per-recipient.ts';
import { statusWithoutAck } from './status-without-ack.ts';
import { followsForeignIds } from './follows-foreign-ids.ts';
import { unsignedPdf } from './unsigned-pdf.ts';
import { personalSignatureOnly } from './personal-signature-only.ts';
import { signsAfterExpiry } from './signs-after-expiry.ts';
import { packetSignatureNamespace } from './packet-signature-namespace.ts';
import { acceptsTampered } from './accepts-tampered.ts';
import { acceptsUntrusted } from './accepts-untrusted.ts';
import { rejectsSigned } from './rejects-signed.ts';
import { ignoresRevocation } from './ignores-revocation.ts';
import { ignoresUpdate } from './ignores-update.ts';
import { handlesAfterReplacement } from './handles-after-replacement.ts';
import { ignoresTakeBack } from './ignores-take-back.ts';
import { businessWithoutDocumentId } from './business-without-document-id.ts';
import { takeBackToWrongAgency } from './take-back-to-wrong-agency.ts';
import { duplicateAfterFault } from './duplicate-after-fault.ts';
import { noRetryAfterFail } from './no-retry-after-fail.ts';
import { noRefetchAfterDrop } from './no-refetch-after-drop.ts';
import { ackNotRetried } from './ack-not-retried.ts';
import { stopsPollingAfterSilence } from './stops-polling-after-silence.ts';
import { givesUpUnderLatency } from './gives-up-under-latency.ts';
// Issue 10: defects real integrations have
import { responseForDeliveryId } from './response-for-delivery-id.ts';
import { lateReceipt } from './late-receipt.ts';
import { receiptEveryPoll } from './receipt-every-poll.ts';
import { acceptedBeforeReceipt } from './accepted-before-receipt.ts';
import { rejectsAfterAccepting } from './rejects-after-accepting.ts';
import { timestampsBackwards } from './timestamps-backwards.ts';
import { acksValidAsFail } from './acks-valid-as-fail.ts';
import { ackBeforeFetch } from './ack-before-fetch.ts';
import { pollsTooSlowly } from './polls-too-slowly.ts';
import { hmacOverReserialisedJson } from './hmac-over-reserialised-json.ts';
import { acceptsExpired } from './accepts-expired.ts';
import { acceptsRevoked } from './accepts-revoked.ts';
import { answersBusinessAsOriginal } from './answers-business-as-original.ts';
import { statusesAsEdoc } from './statuses-as-edoc.ts';
import { utcStatusTimestamps } from './utc-status-timestamps.ts';

export type { MutantDefinition } from './mutant.ts';

export const mutants: MutantDefinition[] = [
  noAck,
  forgedFollowSignature,
  foreignFromHeader,
  hashBeforeNewline,
  answersAsEdoc,
  secretInHeader,
  pollsTooFast,
  doubleAck,
  codeWithoutNotation,
  rejectsZip,
  decomposedNotation,
  receiptPerRecipient,
  registersAgain,
  acceptsBrokenAttachments,
  acceptsMisaddressed,
  ignoresLarge,
  ignoresStatusMailbox,
  noStaffInfo,
  unknownFinishCode,
  repeatsAssignment,
  noReceipt,
  rejectsWithoutReason,
  statusToSelf,
  malformedReferenceCode,
  departmentAsSender,
  neverReadsDirectory,
  rejectsQd20Sender,
  retriesForever,
  noEnvelopeBody,
  emptySubject,
  badDocumentId,
  attachmentWithoutContentId,
  noTraceHeader,
  packetPerRecipient,
  statusWithoutAck,
  followsForeignIds,
  unsignedPdf,
  personalSignatureOnly,
  signsAfterExpiry,
  packetSignatureNamespace,
  acceptsTampered,
  acceptsUntrusted,
  rejectsSigned,
  ignoresRevocation,
  ignoresUpdate,
  handlesAfterReplacement,
  ignoresTakeBack,
  businessWithoutDocumentId,
  takeBackToWrongAgency,
  duplicateAfterFault,
  noRetryAfterFail,
  noRefetchAfterDrop,
  ackNotRetried,
  stopsPollingAfterSilence,
  givesUpUnderLatency,
  responseForDeliveryId,
  lateReceipt,
  receiptEveryPoll,
  acceptedBeforeReceipt,
  rejectsAfterAccepting,
  timestampsBackwards,
  acksValidAsFail,
  ackBeforeFetch,
  pollsTooSlowly,
  hmacOverReserialisedJson,
  acceptsExpired,
  acceptsRevoked,
  answersBusinessAsOriginal,
  statusesAsEdoc,
  utcStatusTimestamps,
];
