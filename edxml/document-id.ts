// The DocumentId of QCVN 102:2016 (MessageHeader/DocumentId): `{From},{yyyy/MM/dd},{number}/{notation}`.
// One writer and one reader of the format, for every part of truc that builds or reads one.

export interface DocumentIdParts {
  organId: string;
  promulgationDate: string;
  codeNumber: string;
  codeNotation: string;
}

export const documentIdOf = (fromId: string, date: string, number: string, notation: string): string =>
  `${fromId},${date},${number}/${notation}`;

const SHAPE = /^([^,]+),(\d{4}\/\d{2}\/\d{2}),([^/]+)\/(.+)$/;

/** The four parts of a DocumentId in the QCVN 102 shape, or undefined when it has another shape. */
export function parseDocumentId(documentId: string): DocumentIdParts | undefined {
  const m = SHAPE.exec(documentId);
  return m ? { organId: m[1], promulgationDate: m[2], codeNumber: m[3], codeNotation: m[4] } : undefined;
}
