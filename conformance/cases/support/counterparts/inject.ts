// How a case sends as one of its counterparts: through the simulator's control API (the axis
// stores and routes the packet like any other), returning the injection's journal entry, which
// carries the receiver ids the SUT will see and serves as the case's evidence.
import { CaseHarnessError, type CaseContext, type CaseDocument, type JudgeContext } from '../../../case.ts';
import type { InjectRequest, InjectResult } from '../../../axis-port.ts';
import type { JournalEntry } from '../../../journal-view.ts';
import { documentPacket, type DocumentPacketOptions } from './build.ts';
import { signedPdfAttachment } from './sign.ts';

/** The journal entry of an injection (the suite's own send as a counterpart). */
export function injectionEntry(ctx: JudgeContext, result: InjectResult): JournalEntry {
  const entry = ctx.entries().find((e) => (result.journalId !== undefined ? e.id === result.journalId : e.senderId === result.senderId));
  if (!entry) {
    throw new CaseHarnessError(
      'CONF-CASE-NOT-JOURNALED',
      `Nhật ký không có bản ghi gửi ${result.senderId}`,
      `The journal has no record of the injection ${result.senderId}`,
    );
  }
  return entry;
}

/** Sends as a counterpart and returns the injection's journal entry (its receiver ids, its evidence). */
export async function deliver(ctx: CaseContext, request: InjectRequest): Promise<JournalEntry> {
  return injectionEntry(ctx, await ctx.send(request));
}

/** Builds `doc` as an edXML document addressed to `options.to` and delivers it. */
export function deliverDocument(
  ctx: CaseContext,
  doc: CaseDocument,
  options: DocumentPacketOptions,
  delivery: Pick<InjectRequest, 'pastIntake' | 'deliverTo'> = {},
): Promise<JournalEntry> {
  return deliver(ctx, { from: doc.from, bytes: documentPacket(doc, options), messageType: 'edoc', ...delivery });
}

/**
 * Delivers `doc` as an ordinary document: with a PDF signed by its issuer's organisation
 * certificate from the run's PKI, as every real document carries. A case that demands 03 sends
 * one of these, so a recipient that applies NĐ 30/2020 art. 21(2) strictly (no signature, no
 * registration) is not failed for the suite's own shortcut.
 */
export async function deliverOrdinaryDocument(
  ctx: CaseContext,
  doc: CaseDocument,
  options: DocumentPacketOptions,
  delivery: Pick<InjectRequest, 'pastIntake' | 'deliverTo'> = {},
): Promise<JournalEntry> {
  const pdf = await signedPdfAttachment(ctx, doc.from, 'cong-van.pdf');
  return deliverDocument(ctx, doc, { ...options, attachments: [pdf, ...(options.attachments ?? [])] }, delivery);
}

export const receiverIdsOf = (injection: JournalEntry): string[] => injection.receiverIds ?? [];
