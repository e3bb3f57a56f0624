// The trigger contract of docs/conformance.md: one JSON object per SUT-initiated action, the same
// for every driver, so a vendor maps it once onto its own UI or API.
import type { LocalizedText } from '../../edxml/finding.ts';

export type TriggerActionName = 'send' | 'revoke' | 'update' | 'replace' | 'take-back';

export interface TriggerAttachment {
  name: string;
  /** Whether the SUT should sign this file (PDFs). */
  sign: boolean;
}

export interface TriggerDocument {
  codeNumber: string;
  codeNotation: string;
  subject: string;
  typeName: string;
  attachments: TriggerAttachment[];
}

/** What a case asks for; the runner adds the run, the case and the deadline. */
export interface TriggerAction {
  action: TriggerActionName;
  /** Recipients: of the new document (send, replace), or those concerned (revoke, take-back). */
  to?: string[];
  /** `update`: how the recipient list changes. */
  receivers?: { added: string[]; removed: string[] };
  /** The document to send (send, replace), or its new description (update). */
  document?: TriggerDocument;
  /** DocumentId of the earlier document, for every action but `send`. */
  concerning?: string | null;
}

export interface TriggerJson extends TriggerAction {
  run: string;
  case: string;
  concerning: string | null;
  deadlineSeconds: number;
}

export function triggerJson(run: string, caseId: string, action: TriggerAction, deadlineSeconds: number): TriggerJson {
  // Key order follows the spec's example, so the file a vendor reads looks like the documentation.
  return {
    run,
    case: caseId,
    action: action.action,
    ...(action.to ? { to: [...action.to] } : {}),
    ...(action.receivers ? { receivers: { added: [...action.receivers.added], removed: [...action.receivers.removed] } } : {}),
    ...(action.document ? { document: action.document } : {}),
    concerning: action.concerning ?? null,
    deadlineSeconds,
  };
}

const ACTION_TEXT: Record<TriggerActionName, LocalizedText> = {
  send: { vi: 'Gửi văn bản', en: 'Send the document' },
  revoke: { vi: 'Thu hồi văn bản', en: 'Revoke the document' },
  update: { vi: 'Cập nhật nơi nhận của văn bản', en: 'Update the recipients of the document' },
  replace: { vi: 'Thay thế văn bản', en: 'Replace the document' },
  'take-back': { vi: 'Yêu cầu lấy lại văn bản', en: 'Ask to take the document back' },
};

/** One human sentence per language saying what the operator (or vendor script) must do. */
export function describeTrigger(t: TriggerJson): LocalizedText {
  const what = ACTION_TEXT[t.action];
  const doc = t.document ? ` ${t.document.codeNumber}/${t.document.codeNotation} «${t.document.subject}»` : '';
  const concerning = t.concerning ? ` (${t.concerning})` : '';
  const to = t.to?.length ? ` → ${t.to.join(', ')}` : '';
  const changes = t.receivers ? ` +[${t.receivers.added.join(', ')}] −[${t.receivers.removed.join(', ')}]` : '';
  const tail = `${doc}${concerning}${to}${changes}`;
  // What the person must attach, said plainly: a signed PDF is a requirement the case judges.
  const files = t.document?.attachments ?? [];
  const signed = files.filter((a) => a.sign).map((a) => a.name);
  const plain = files.filter((a) => !a.sign).map((a) => a.name);
  const attach = {
    vi: `${signed.length ? ` Đính kèm ${signed.join(', ')}: phải là PDF có chữ ký số.` : ''}${plain.length ? ` Đính kèm ${plain.join(', ')}.` : ''}`,
    en: `${signed.length ? ` Attach ${signed.join(', ')}: it must be a signed PDF.` : ''}${plain.length ? ` Attach ${plain.join(', ')}.` : ''}`,
  };
  return {
    vi: `[${t.case}] ${what.vi}${tail} trong ${t.deadlineSeconds} giây.${attach.vi}`,
    en: `[${t.case}] ${what.en}${tail} within ${t.deadlineSeconds} s.${attach.en}`,
  };
}
