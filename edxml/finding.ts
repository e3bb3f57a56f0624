// A finding is the unit of judgement shared by `truc validate`, the simulator's intake and the
// conformance suite: one implementation of each rule, cited everywhere by its stable id.

/**
 * `note`: something a certifier should be able to read that no case counts against the system,
 * such as a habit of the official SDK the vendor cannot change (QCVN 102 attachments as VNPT's SDK
 * writes them).
 */
export type Level = 'error' | 'warning' | 'note';

export type Category =
  | 'xml'
  | 'structure'
  | 'identifier'
  | 'date'
  | 'attachment'
  | 'signature'
  | 'status'
  | 'business';

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface Finding {
  /** Stable rule id, e.g. `EDXML-ID-001`. */
  rule: string;
  level: Level;
  category: Category;
  /** Element path of local names with 1-based index on repeated elements, e.g. `/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId`. */
  path: string;
  message: LocalizedText;
  /** Standard / decree article / axis behaviour the rule comes from. */
  cite: string;
}

export const hasError = (findings: readonly Finding[]): boolean => findings.some((f) => f.level === 'error');
