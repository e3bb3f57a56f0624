// Rules on Bussiness (sic): revocation, update and replacement packets.
import { checkOrganId, required } from './check-header.ts';
import { Findings, type CheckContext } from './check-context.ts';
import { indexed, PATH } from './layout.ts';
import { businessRules } from './rules.ts';
import type { Business, MessageHeader } from './types.ts';

const B = PATH.business;
const ACTIONS: Record<string, string> = { '1': 'revocation / thu hồi', '2': 'update / cập nhật', '3': 'replacement / thay thế' };

function flag(f: Findings, value: string | undefined, path: string, element: string) {
  if (value !== undefined && value !== '0' && value !== '1') f.add(businessRules.flag, path, { element, value });
}

/**
 * `header` is the packet's own MessageHeader: a revocation names the revoked document there (VNPT's
 * sample carries no Bussiness/DocumentId), a replacement in its ReplacementInfo entries.
 */
export function checkBusiness(b: Business, header: MessageHeader, ctx: CheckContext): Findings {
  const f = new Findings();
  const type = required(f, b.bussinessDocType, `${B}/BussinessDocType`, 'Bussiness/BussinessDocType');
  if (type === undefined) return f;
  if (!/^[0-3]$/.test(type)) {
    f.add(businessRules.docType, `${B}/BussinessDocType`, { value: type });
    return f;
  }
  flag(f, b.paper, `${B}/Paper`, 'Paper');
  const named = (id: string | undefined) => id !== undefined && id.trim() !== '';
  if ((type === '1' && !named(b.documentId) && !named(header.documentId)) || (type === '2' && !named(b.documentId))) {
    f.add(businessRules.documentId, `${B}/DocumentId`, { action: ACTIONS[type] });
  }
  const info = b.documentInfo;
  const infoPath = `${B}/BussinessDocumentInfo`;
  if (info) {
    flag(f, info.documentInfo, `${infoPath}/DocumentInfo`, 'DocumentInfo');
    flag(f, info.documentReceiver, `${infoPath}/DocumentReceiver`, 'DocumentReceiver');
    info.receivers.forEach((r, i) => {
      const path = `${infoPath}/ReceiverList/${indexed('Receiver', i, info.receivers.length)}`;
      checkOrganId(f, ctx, r.organId, `${path}/OrganId`, 'Receiver/OrganId');
      flag(f, r.receiverType, `${path}/ReceiverType`, 'ReceiverType');
    });
  }
  if (type === '2' && info?.documentReceiver === '1' && info.receivers.length === 0) f.add(businessRules.receiverList, infoPath);
  if (type === '3') {
    if (b.replacements.length === 0) f.add(businessRules.replacementList, `${B}/ReplacementInfoList`);
    b.replacements.forEach((r, i) => {
      const path = `${B}/ReplacementInfoList/${indexed('ReplacementInfo', i, b.replacements.length)}`;
      if (!named(r.documentId)) f.add(businessRules.replacementDocumentId, `${path}/DocumentId`);
      if (r.organIds.length === 0) f.add(businessRules.replacementOrgans, path);
      r.organIds.forEach((id, j) => checkOrganId(f, ctx, id, `${path}/OrganIdList/${indexed('OrganId', j, r.organIds.length)}`, 'OrganIdList/OrganId'));
    });
  }
  return f;
}
