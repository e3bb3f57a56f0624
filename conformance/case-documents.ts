// The documents of a run's cases: those a case issues as one of its counterparts (delivered to the
// SUT) and those it asks the SUT to send (by trigger). Every one gets a number no other document
// of this process uses, so whatever the SUT sends about it is attributable to its case by
// DocumentId or by Code alone (spec "Attribution").
import { vietnamDate } from '../edxml/dates.ts';
import { documentIdOf } from '../edxml/document-id.ts';
import type { CaseDocument, JudgeContext } from './case.ts';
import type { TriggerAttachment, TriggerDocument } from './drivers/trigger.ts';

// Counterparts number from 1, triggered documents from 7001: the two kinds never share a Code.
let issued = 0;
let triggered = 0;
// DocumentIds are unique in the process, so one set serves every run it holds.
const rejectedByDesign = new Set<string>();

/** A fresh document issued by counterpart `from`, dated today in Vietnam. */
export function issueCaseDocument(from: string, codeNotation: string, options: { designedToBeRejected?: boolean } = {}, now: Date = new Date()): CaseDocument {
  issued++;
  const codeNumber = String(issued);
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
  triggered++;
  return {
    codeNumber: String(7000 + triggered),
    codeNotation: `${ctx.entry.id.replace('-', '')}-HT`,
    subject: `Văn bản thử nghiệm gửi đi (${ctx.entry.id}) / test document sent by the system`,
    typeName: 'Công văn',
    attachments,
  };
}

/** `number/notation` as written in DocumentId and ResponseFor/Code. */
export const codeOf = (doc: Pick<TriggerDocument, 'codeNumber' | 'codeNotation'>): string => `${doc.codeNumber}/${doc.codeNotation}`;
