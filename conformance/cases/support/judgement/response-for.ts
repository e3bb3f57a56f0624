// ResponseFor as the judgement sees it: what a correct recipient writes when answering a
// counterpart's document (QCVN 102:2016, status packet ResponseFor), and how an answer differs.
import type { ResponseFor } from '../../../../edxml/types.ts';
import { documentIdOf } from '../../../../edxml/document-id.ts';
import type { CaseDocument } from '../../../case.ts';
import { sameOrgan } from '../agencies.ts';

/** What a correct recipient writes in ResponseFor when answering `doc`. */
export function expectedResponseFor(doc: CaseDocument, fromCode: string = doc.from): ResponseFor {
  return {
    organId: fromCode,
    code: `${doc.codeNumber}/${doc.codeNotation}`,
    promulgationDate: doc.promulgationDate,
    documentId: fromCode === doc.from ? doc.documentId : documentIdOf(fromCode, doc.promulgationDate, doc.codeNumber, doc.codeNotation),
  };
}

/**
 * The ResponseFor fields that differ from what a correct recipient writes: OrganId compared as an
 * agency (both code forms are equal), the others byte for byte (NFC is the writer's duty, R-05).
 */
export function responseForDifferences(actual: ResponseFor | undefined, expected: ResponseFor): string[] {
  const diffs: string[] = [];
  if (!actual?.organId || !expected.organId || !sameOrgan(actual.organId, expected.organId)) diffs.push(`OrganId=${actual?.organId ?? '∅'}`);
  if (actual?.code !== expected.code) diffs.push(`Code=${actual?.code ?? '∅'}`);
  if (actual?.promulgationDate !== expected.promulgationDate) diffs.push(`PromulgationDate=${actual?.promulgationDate ?? '∅'}`);
  if (actual?.documentId !== expected.documentId) diffs.push(`DocumentId=${actual?.documentId ?? '∅'}`);
  return diffs;
}
