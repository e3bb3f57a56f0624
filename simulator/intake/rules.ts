// Findings the axis itself records about a sendEdoc request (the packet's own rules live in
// edxml/rules.ts). Recorded in the journal for the conformance suite; never a refusal by themselves.
import type { Rule } from '../../edxml/rule.ts';

export const intakeRules = {
  toHeaderDisagrees: {
    id: 'AXIS-TO-001',
    level: 'warning',
    category: 'identifier',
    message: {
      vi: 'Tiêu đề to ({to}) không khớp với danh sách nhận trong gói tin ({packet}); gói tin được dùng.',
      en: 'The to header ({to}) disagrees with the packet recipients ({packet}); the packet is used.',
    },
    cite: 'axis-api §4 sendEdoc: recipients come only from the packet',
  },
  toHeaderUnreadable: {
    id: 'AXIS-TO-002',
    level: 'warning',
    category: 'identifier',
    message: { vi: 'Không đọc được tiêu đề to: {to}.', en: 'The to header cannot be read: {to}.' },
    cite: 'axis-api §4 sendEdoc: to is JSON text (array or quoted string)',
  },
  hashMismatchAccepted: {
    id: 'AXIS-HASH-001',
    level: 'error',
    category: 'structure',
    message: {
      vi: 'hash-file không khớp với nội dung; gói tin vẫn được nhận theo cấu hình.',
      en: 'hash-file does not match the body; the packet was accepted as configured.',
    },
    cite: 'axis-api §4 sendEdoc: hash-file',
  },
  duplicateRecipient: {
    id: 'AXIS-TO-003',
    level: 'warning',
    category: 'identifier',
    message: {
      vi: 'Đơn vị nhận {code} xuất hiện nhiều lần (có thể dưới hai dạng mã); chỉ gửi một lần.',
      en: 'Recipient {code} appears more than once (possibly under both code forms); delivered once.',
    },
    cite: 'edxml §3: one agency under two forms is one recipient',
  },
} satisfies Record<string, Rule>;
