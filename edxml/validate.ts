// validatePacket: the one validator of QCVN 102 packets. `truc validate`, the simulator's intake
// and the conformance suite all call it, so every verdict cites the same rule ids.
import { checkManifest, inspectAttachments, type PdfPayload } from './attachments.ts';
import { checkBusiness } from './check-business.ts';
import type { CheckContext } from './check-context.ts';
import { checkEdocHeader } from './check-header.ts';
import { checkStatusPacket } from './check-status-packet.ts';
import type { Finding } from './finding.ts';
import { PATH } from './layout.ts';
import { decodePacketText, parsePacket } from './parse.ts';
import { report } from './rule.ts';
import { verifyPdfSignatures } from './signatures/pdf-verify.ts';
import { sigRules } from './signatures/rules.ts';
import { verifyPacketSignature } from './signatures/xmldsig.ts';
import type { TrustContext } from './signatures/index.ts';
import type { DirectoryRecord, EdocPacket, Packet, PacketKind } from './types.ts';

export interface ValidateOptions {
  /** Warnings count as errors: `valid` is false when there is any finding. */
  strict?: boolean;
  /** Test or relay ids admitted as valid identifier codes. */
  allowIds?: string[];
  /** PEM trust anchors for signature chains; none means an unknown root is a warning. */
  trustAnchors?: string[];
  /** Revocation lists, DER or PEM. */
  crls?: Uint8Array[];
  /** Agency directory used to recognise the two forms of one agency's code. */
  directory?: DirectoryRecord[];
  /** Clock for "in the future" and certificate validity; defaults to the current time. */
  now?: Date;
}

export interface ValidationReport {
  kind: PacketKind;
  valid: boolean;
  packet?: Packet;
  findings: Finding[];
}

/** Rules that need only the packet model: no signature math, no clock beyond ctx.now. */
export function checkPacket(packet: Packet, ctx: CheckContext): Finding[] {
  if (packet.kind === 'status') return checkStatusPacket(packet, ctx).list;
  const findings = [...checkEdocHeader(packet, ctx).list];
  if (packet.business) findings.push(...checkBusiness(packet.business, packet.header, ctx).list);
  findings.push(...checkManifest(packet));
  return findings;
}

/**
 * A verifier that throws (a library bug, a PDF shape nobody foresaw) is reported as a signature that
 * does not verify, so one bad attachment never takes the whole report down.
 */
async function guarded(work: () => Promise<Finding[]>, failure: (detail: string) => Finding): Promise<Finding[]> {
  try {
    return await work();
  } catch (e) {
    return [failure(e instanceof Error ? e.message : String(e))];
  }
}

async function checkSignatures(packet: EdocPacket, text: string, pdfs: PdfPayload[], trust: TrustContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (packet.signed) {
    const path = PATH.signature;
    findings.push(
      ...(await guarded(
        () => verifyPacketSignature(text, { ...trust, path }),
        (detail) => report(sigRules.xmlSignatureInvalid, path, { detail }),
      )),
    );
  }
  for (const pdf of pdfs) {
    const ctx = {
      ...trust,
      path: pdf.path,
      signerFullName: packet.header.signerInfo?.fullName,
      fromOrganId: packet.header.from?.organId,
      fromOrganName: packet.header.from?.organName,
    };
    findings.push(
      ...(await guarded(
        () => verifyPdfSignatures(pdf.bytes, ctx),
        (detail) => report(sigRules.pdfSignatureInvalid, pdf.path, { index: 1, detail }),
      )),
    );
  }
  return findings;
}

/** Validates one packet: reading rules, structure, identifiers, dates, attachments, business, signatures. */
export async function validatePacket(input: Uint8Array | string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const parsed = parsePacket(input);
  const findings = [...parsed.findings];
  const packet = parsed.packet;
  if (packet) {
    const ctx: CheckContext = { allowIds: options.allowIds ?? [], directory: options.directory ?? [], now: options.now ?? new Date() };
    findings.push(...checkPacket(packet, ctx));
    if (packet.kind === 'edoc') {
      const attachments = inspectAttachments(packet);
      findings.push(...attachments.findings);
      const trust: TrustContext = { trustAnchors: options.trustAnchors ?? [], crls: options.crls ?? [], now: options.now };
      const text = packet.signed ? (typeof input === 'string' ? input : (decodePacketText(input).text ?? '')) : '';
      findings.push(...(await checkSignatures(packet, text, attachments.pdfs, trust)));
    }
  }
  const valid = options.strict ? !findings.some((f) => f.level !== 'note') : !findings.some((f) => f.level === 'error');
  return { kind: parsed.kind, valid, packet, findings };
}
