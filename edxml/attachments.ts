// Attachment checks: manifest ↔ payload correspondence by ContentId, base64
// validity, magic-byte sniffing, ZIP unwrapping, and the cheap "can this PDF be opened at all"
// check. PDF signatures are verified elsewhere (edxml/signatures); this file hands them the bytes.
import { Buffer } from 'node:buffer';
import { unzipSync } from 'fflate';
import type { Finding, LocalizedText } from './finding.ts';
import { indexed, PATH } from './layout.ts';
import { report } from './rule.ts';
import { attachmentRules } from './rules.ts';
import type { EdocPacket } from './types.ts';

/** What the bytes are, judged by their first bytes (and, for ZIP, by their entries). */
export type SniffedType = 'pdf' | 'zip' | 'ooxml' | 'ole' | 'png' | 'jpeg' | 'unknown';

/** A PDF found in an attachment, directly or inside a ZIP, for signature verification. */
export interface PdfPayload {
  bytes: Uint8Array;
  /** Path of the Attachment element. */
  path: string;
  name: string;
}

/** MIME types senders write that no registry defines, and the type they mean. */
const PSEUDO_TYPES: Record<string, string> = {
  'application/doc': 'application/msword',
  'application/docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/xls': 'application/vnd.ms-excel',
  'application/xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/txt': 'text/plain',
};

/** The sniffed type a declared MIME type promises, for the types sniffing can recognise. */
function expectedType(contentType: string): SniffedType | undefined {
  const t = contentType.toLowerCase().split(';')[0].trim();
  if (t === 'application/pdf') return 'pdf';
  if (t === 'application/zip' || t === 'application/x-zip-compressed') return 'zip';
  if (t.startsWith('application/vnd.openxmlformats-officedocument.')) return 'ooxml';
  if (t === 'application/msword' || t === 'application/vnd.ms-excel' || t === 'application/vnd.ms-powerpoint') return 'ole';
  if (t === 'image/png') return 'png';
  if (t === 'image/jpeg') return 'jpeg';
  return undefined;
}

const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((m, i) => b[i] === m);

function sniffBytes(b: Uint8Array): SniffedType {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  return 'unknown';
}

/**
 * Decodes standard base64 without a second scan of the text: Node's decoder skips characters it
 * does not know and accepts the URL alphabet, so validity is checked by the decoded length and by
 * the absence of `-` and `_`.
 */
export function decodeBase64(text: string): { bytes?: Uint8Array; multiline: boolean } {
  const multiline = hasInnerSpace(text);
  const compact = multiline ? text.replace(/\s+/g, '') : text;
  if (compact.length % 4 !== 0 || compact.includes('-') || compact.includes('_')) return { multiline };
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(compact, 'base64');
  return bytes.length === (compact.length / 4) * 3 - padding ? { bytes, multiline } : { multiline };
}

/** Line breaks inside a long base64 text (the usual 76-column wrapping), found by a native search. */
const hasInnerSpace = (text: string): boolean =>
  text.includes('\n') || text.includes('\r') || text.includes(' ') || text.includes('\t');

/** Two U+FFFD in a row, as UTF-8: what binary bytes become when a file is decoded as UTF-8 text. */
const REPLACEMENT_RUN = Buffer.from([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
const STARTXREF = /startxref\s+(\d+)\s+%%EOF\s*$/;
const XREF_TARGET = /^\s*(?:xref\b|\d+\s+\d+\s+obj\b)/;

/**
 * Why a PDF cannot be opened, or undefined when its header, trailer and cross-reference offset are
 * in place. A PDF that went through a text conversion (decoded as UTF-8 and encoded again) keeps
 * its ASCII skeleton but has runs of U+FFFD where binary bytes were, and every byte offset after
 * the first one is shifted, so `startxref` no longer points at the cross-reference table.
 */
export function pdfStructureProblem(b: Uint8Array): LocalizedText | undefined {
  const buffer = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (buffer.indexOf('%PDF-') !== 0) return { vi: 'không có phần đầu %PDF-', en: 'no %PDF- header' };
  const tail = buffer.subarray(Math.max(0, buffer.length - 2048));
  if (tail.lastIndexOf('%%EOF') === -1) return { vi: 'không có phần kết %%EOF', en: 'no %%EOF trailer' };
  if (tail.lastIndexOf('startxref') === -1) return { vi: 'không có startxref', en: 'no startxref' };
  if (buffer.indexOf(REPLACEMENT_RUN) !== -1) {
    return {
      vi: 'có chuỗi ký tự thay thế U+FFFD (EF BF BD) ở chỗ dữ liệu nhị phân: tệp đã bị chuyển qua dạng văn bản UTF-8',
      en: 'runs of the replacement character U+FFFD (EF BF BD) where binary data belongs: the file went through a UTF-8 text conversion',
    };
  }
  const offset = STARTXREF.exec(tail.toString('latin1'));
  if (offset) {
    const at = Number(offset[1]);
    if (at >= buffer.length || !XREF_TARGET.test(buffer.subarray(at, at + 32).toString('latin1'))) {
      return { vi: `startxref (${at}) không trỏ tới bảng tham chiếu chéo`, en: `startxref (${at}) does not point at the cross-reference table` };
    }
  }
  return undefined;
}

/** Larger single entries are not unpacked: a ZIP bomb must not take the validator's memory. */
const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;

/** Entry names of a ZIP and, when it holds exactly one file of sane size, that file's bytes. */
function unzip(bytes: Uint8Array): { names: string[]; single?: Uint8Array } {
  const names: string[] = [];
  let largest = 0;
  unzipSync(bytes, {
    filter: (f) => {
      if (!f.name.endsWith('/')) names.push(f.name);
      largest = Math.max(largest, f.originalSize);
      return false;
    },
  });
  if (names.length !== 1 || largest > MAX_UNPACKED_BYTES) return { names };
  const only = unzipSync(bytes, { filter: (f) => f.name === names[0] });
  return { names, single: only[names[0]] };
}

const stripCid = (id: string | undefined) => id?.trim().replace(/^cid:/i, '').replace(/^<(.*)>$/, '$1');

/** Manifest ↔ payload correspondence: every reference has exactly one payload and vice versa. */
export function checkManifest(packet: EdocPacket): Finding[] {
  const findings: Finding[] = [];
  const refPath = (i: number) => `${PATH.manifest}/${indexed('Reference', i, packet.manifest.length)}`;
  const attPath = (i: number) => `${PATH.attachments}/${indexed('Attachment', i, packet.attachments.length)}`;
  const payloads = new Map<string, number[]>();
  packet.attachments.forEach((a, i) => {
    const id = stripCid(a.contentId);
    if (!id) return findings.push(report(attachmentRules.contentIdMissing, `${attPath(i)}/ContentId`));
    payloads.set(id, [...(payloads.get(id) ?? []), i]);
  });
  const references = new Map<string, number[]>();
  packet.manifest.forEach((r, i) => {
    const id = stripCid(r.contentId);
    if (!id) return findings.push(report(attachmentRules.contentIdMissing, `${refPath(i)}/ContentId`));
    references.set(id, [...(references.get(id) ?? []), i]);
  });
  for (const [id, refs] of references) {
    if (refs.length > 1) findings.push(report(attachmentRules.duplicateId, `${refPath(refs[1])}/ContentId`, { contentId: id, count: refs.length }));
    const atts = payloads.get(id);
    if (!atts) {
      findings.push(report(attachmentRules.noPayload, refPath(refs[0]), { contentId: id }));
      continue;
    }
    const ref = packet.manifest[refs[0]];
    const att = packet.attachments[atts[0]];
    if (ref.contentType && att.contentType && ref.contentType.toLowerCase() !== att.contentType.toLowerCase()) {
      // Whether the payload's bytes agree with its own ContentType is judged on the payload (EDXML-ATT-007).
      const sdkHabit = ref.contentType.trim().toLowerCase() === 'application/zip';
      findings.push(report(sdkHabit ? attachmentRules.sdkManifestZip : attachmentRules.manifestType, `${refPath(refs[0])}/ContentType`, {
        declared: ref.contentType, contentId: id, actual: att.contentType,
      }));
    }
  }
  for (const [id, atts] of payloads) {
    if (atts.length > 1) findings.push(report(attachmentRules.duplicateId, `${attPath(atts[1])}/ContentId`, { contentId: id, count: atts.length }));
    if (!references.has(id)) findings.push(report(attachmentRules.noReference, attPath(atts[0]), { contentId: id }));
  }
  return findings;
}

/** Decodes and inspects every payload; returns the findings and the PDFs to verify signatures of. */
export function inspectAttachments(packet: EdocPacket): { findings: Finding[]; pdfs: PdfPayload[] } {
  const findings: Finding[] = [];
  const pdfs: PdfPayload[] = [];
  packet.attachments.forEach((att, i) => {
    const path = `${PATH.attachments}/${indexed('Attachment', i, packet.attachments.length)}`;
    const name = att.attachmentName ?? '';
    if (att.attachmentName === undefined || att.attachmentName.trim() === '') {
      findings.push(report(attachmentRules.nameMissing, `${path}/AttachmentName`));
    }
    const { bytes, multiline } = decodeBase64(att.encoded);
    if (multiline) findings.push(report(attachmentRules.base64Lines, `${path}/ContentTransferEncoded`));
    if (!bytes) {
      findings.push(report(attachmentRules.base64, `${path}/ContentTransferEncoded`));
      return;
    }
    let declared = att.contentType ?? '';
    const meant = PSEUDO_TYPES[declared.toLowerCase()];
    if (meant) {
      findings.push(report(attachmentRules.pseudoType, `${path}/ContentType`, { value: declared }));
      declared = meant;
    }
    const expected = expectedType(declared);
    const outer = sniffBytes(bytes);
    // The file judged against the declared type: a one-entry ZIP carries its file "wrapped".
    let content = bytes;
    let actual: SniffedType = outer;
    if (outer === 'zip') {
      let entries: { names: string[]; single?: Uint8Array };
      try {
        entries = unzip(bytes);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        findings.push(report(attachmentRules.corruptZip, path, { name, detail: { vi: `lỗi giải nén: ${message}`, en: message } }));
        return;
      }
      if (entries.names.includes('[Content_Types].xml')) actual = 'ooxml';
      else if (entries.single) {
        content = entries.single;
        actual = sniffBytes(content);
      }
    }
    const wrapped = content !== bytes;
    // A ZIP-wrapped file is fine under application/zip; under its own type it is a mismatch.
    const acceptable = expected === 'zip' ? outer === 'zip' : expected === undefined || (actual === expected && !wrapped);
    // Unrecognisable bytes declared as PDF are a corrupt PDF (an error), not a type mismatch.
    const claimsPdf = expected === 'pdf' && actual === 'unknown';
    if (!acceptable && !claimsPdf) {
      const shown = wrapped ? `zip(${actual})` : actual;
      findings.push(report(attachmentRules.typeMismatch, `${path}/ContentType`, { name, declared: att.contentType ?? '', actual: shown }));
    }
    if (actual === 'pdf' || claimsPdf) {
      const problem = pdfStructureProblem(content);
      if (problem) findings.push(report(attachmentRules.corruptPdf, path, { name, detail: problem }));
      else pdfs.push({ bytes: content, path, name });
    }
  });
  return { findings, pdfs };
}
