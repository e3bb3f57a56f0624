// The documents of a run's cases: those a case issues as one of its counterparts (delivered to the
// SUT) and those it asks the SUT to send (by trigger). Every one gets a number from the run's
// reservation on the axis, which no other run sharing that axis, store or SUT ever gets (not even
// after a restart), so whatever the SUT sends about it is attributable to its case by DocumentId
// or by Code alone (spec "Attribution"), and a SUT that registers each DocumentId once, or refuses
// to issue a number twice, is never asked to.
import { vietnamDate } from '../edxml/dates.ts';
import { documentIdOf } from '../edxml/document-id.ts';
import type { CaseDocument, JudgeContext } from './case.ts';
import type { TriggerAttachment, TriggerDocument } from './drivers/trigger.ts';

// DocumentIds are unique (numbers reserved per run on the axis), so one set serves every run.
const rejectedByDesign = new Set<string>();

/** A fresh document issued by counterpart `from` under `codeNumber`, dated today in Vietnam. */
export function issueCaseDocument(
  from: string,
  codeNumber: string,
  codeNotation: string,
  options: { designedToBeRejected?: boolean } = {},
  now: Date = new Date(),
): CaseDocument {
  const promulgationDate = vietnamDate(now);
  const documentId = documentIdOf(from, promulgationDate, codeNumber, codeNotation);
  if (options.designedToBeRejected) rejectedByDesign.add(documentId);
  return { from, codeNumber, codeNotation, promulgationDate, documentId };
}

/** The case that issued this document made the SUT reject it on purpose (R-08, R-09, SG-05, SG-06). */
export const isDesignedToBeRejected = (documentId: string): boolean => rejectedByDesign.has(documentId);

/** A PDF the SUT is asked to sign, as in the spec's trigger example. */
export const SIGNED_PDF: TriggerAttachment = { name: 'cong-van.pdf', sign: true };

/**
 * A document for the SUT to send, recognisable by its Code (the SUT chooses its DocumentId and
 * date, so the Code is what the case knows in advance).
 */
export function triggerDocument(ctx: JudgeContext, attachments: TriggerAttachment[] = [SIGNED_PDF]): TriggerDocument {
  return {
    codeNumber: ctx.run.nextCodeNumber(),
    codeNotation: `${ctx.entry.id.replace('-', '')}-HT`,
    subject: `Văn bản thử nghiệm gửi đi (${ctx.entry.id}) / test document sent by the system`,
    typeName: 'Công văn',
    attachments,
  };
}

/** `number/notation` as written in DocumentId and ResponseFor/Code. */
export const codeOf = (doc: Pick<TriggerDocument, 'codeNumber' | 'codeNotation'>): string => `${doc.codeNumber}/${doc.codeNotation}`;
