// Journal browser: exchanges per agency and per document; one exchange with its packet rendered
// (header fields, attachments to download, each PDF signature with signer, chain and validity),
// its findings with rule ids, and the raw XML one click away.
import { html } from 'hono/html';
import { decodeBase64, parsePacket } from '../edxml/index.ts';
import { inspectPdfSignatures } from '../edxml/signatures/index.ts';
import type { JournalEntry } from '../simulator/store/types.ts';
import { badge, time, tr, type Html } from './layout.ts';
import type { PageContext } from './runs-pages.ts';

export function journalListPage(ctx: PageContext, entries: JournalEntry[], filter: { agency?: string; document?: string }): Html {
  const { lang, base } = ctx;
  return html`<form class="inline panel" method="get" action="${base}/journal">
<label>${tr(lang, 'Cơ quan (mã)', 'Agency (code)')}<input name="agency" value="${filter.agency ?? ''}"></label>
<label>${tr(lang, 'Văn bản (DocumentId)', 'Document (DocumentId)')}<input name="document" value="${filter.document ?? ''}" size="40"></label>
<button type="submit">${tr(lang, 'Lọc', 'Filter')}</button></form>
<table id="journal"><tr><th>#</th><th>${tr(lang, 'Lúc', 'Time')}</th><th>${tr(lang, 'Thao tác', 'Operation')}</th><th>${tr(lang, 'Bên gọi', 'Caller')}</th><th>${tr(
    lang,
    'Văn bản',
    'Document',
  )}</th><th>${tr(lang, 'Kết quả', 'Outcome')}</th><th>${tr(lang, 'Phát hiện', 'Findings')}</th></tr>
${entries.map(
  (e) => html`<tr><td class="num"><a href="${base}/journal/entries/${e.id}">${e.id}</a></td><td class="nowrap">${time(e.time)}</td><td>${e.operation}</td>
<td><a href="${base}/journal?agency=${encodeURIComponent(e.caller ?? '')}">${e.caller ?? '?'}</a></td>
<td>${e.documentId ? html`<a href="${base}/journal?document=${encodeURIComponent(e.documentId)}">${e.documentId}</a>` : ''}${e.statusCode ? html` · ${e.statusCode}` : ''}</td>
<td>${e.outcome.status} ${e.outcome.errorCode}</td><td class="num">${e.findings.length || ''}</td></tr>`,
)}</table>`;
}

export async function entryPage(ctx: PageContext, e: JournalEntry, body: Uint8Array | undefined, trust: { trustAnchors: string[]; crls: Uint8Array[] }): Promise<Html> {
  const { lang, base } = ctx;
  const parsed = body ? parsePacket(body) : undefined;
  const packet = parsed?.packet;
  let header: Html | string = '';
  let attachments: Html | string = '';
  if (packet?.kind === 'edoc') {
    const h = packet.header;
    header = html`<dl class="fields">
<dt>From</dt><dd>${h.from?.organId ?? ''} — ${h.from?.organName ?? ''}</dd>
<dt>To</dt><dd>${h.to.map((t) => html`${t.organId ?? ''} — ${t.organName ?? ''}<br>`)}</dd>
<dt>DocumentId</dt><dd>${h.documentId ?? ''}</dd>
<dt>${tr(lang, 'Số, ký hiệu', 'Code')}</dt><dd>${h.code?.codeNumber ?? ''}/${h.code?.codeNotation ?? ''}</dd>
<dt>${tr(lang, 'Ngày ban hành', 'Promulgated')}</dt><dd>${h.promulgationInfo?.promulgationDate ?? ''} ${h.promulgationInfo?.place ?? ''}</dd>
<dt>${tr(lang, 'Trích yếu', 'Subject')}</dt><dd>${h.subject ?? ''}</dd>
<dt>${tr(lang, 'Người ký', 'Signer')}</dt><dd>${h.signerInfo?.fullName ?? ''} ${h.signerInfo?.position ?? ''}</dd>
<dt>${tr(lang, 'Ký số gói tin (XMLDSig)', 'Packet signature (XMLDSig)')}</dt><dd>${packet.signed ? tr(lang, 'có', 'yes') : tr(lang, 'không', 'no')}</dd>
</dl>`;
    const rows: Html[] = [];
    for (const [i, a] of packet.attachments.entries()) {
      const bytes = decodeBase64(a.encoded).bytes;
      let signatures: Html | string = '';
      if (bytes && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') {
        const inspected = await inspectPdfSignatures(bytes, trust).catch(() => undefined);
        signatures = inspected?.signatures.length
          ? html`${inspected.signatures.map(
              (s) => html`<div class="small">#${s.index} ${s.signerCommonName ?? '?'} · ${tr(lang, 'toàn vẹn', 'integrity')} ${s.integrity} · ${
                s.signer
                  ? html`${tr(lang, 'chuỗi', 'chain')}: ${s.signer.chain.join(' → ')} · ${s.signer.chainTrusted ? tr(lang, 'tin cậy', 'trusted') : tr(lang, 'không tin cậy', 'untrusted')} · ${tr(
                      lang,
                      'hiệu lực',
                      'validity',
                    )} ${JSON.stringify(s.signer.validity)} · ${tr(lang, 'thu hồi', 'revocation')} ${JSON.stringify(s.signer.revocation)}`
                  : ''
              }</div>`,
            )}`
          : html`<span class="small muted">${tr(lang, 'không có chữ ký', 'no signature')}</span>`;
      }
      rows.push(html`<tr><td>${a.attachmentName ?? a.contentId ?? i}</td><td>${a.contentType ?? ''}</td><td class="num">${bytes?.length ?? '?'}</td>
<td><a href="${base}/journal/entries/${e.id}/attachments/${i}" download>${tr(lang, 'tải về', 'download')}</a></td><td>${signatures}</td></tr>`);
    }
    attachments = html`<h2>${tr(lang, 'Tệp đính kèm', 'Attachments')}</h2><table><tr><th>${tr(lang, 'Tên', 'Name')}</th><th>${tr(lang, 'Kiểu', 'Type')}</th><th>${tr(lang, 'Byte', 'Bytes')}</th><th></th><th>${tr(
      lang,
      'Chữ ký số',
      'Signatures',
    )}</th></tr>${rows}</table>`;
  } else if (packet?.kind === 'status') {
    const h = packet.header;
    header = html`<dl class="fields"><dt>From</dt><dd>${h.from?.organId ?? ''}</dd><dt>StatusCode</dt><dd>${h.statusCode ?? ''} ${h.description ?? ''}</dd>
<dt>ResponseFor</dt><dd>${h.responseFor?.documentId ?? ''} ${h.responseFor?.code ?? ''}</dd><dt>Timestamp</dt><dd>${h.timestamp ?? ''}</dd></dl>`;
  }
  return html`<div class="panel"><dl class="fields">
<dt>${tr(lang, 'Lúc', 'Time')}</dt><dd>${time(e.time)}</dd><dt>${tr(lang, 'Thao tác', 'Operation')}</dt><dd>${e.operation} ${e.method} ${e.path}</dd>
<dt>${tr(lang, 'Bên gọi', 'Caller')}</dt><dd>${e.caller ?? '?'}</dd><dt>${tr(lang, 'Kết quả', 'Outcome')}</dt><dd>${badge(lang, e.outcome.status === 'OK' ? 'pass' : 'fail')} ${e.outcome.errorCode} ${e.outcome.errorDesc} (HTTP ${e.httpStatus})</dd>
<dt>${tr(lang, 'Lượt', 'Run')}</dt><dd>${e.run ?? '—'}</dd>${e.fault ? html`<dt>Fault</dt><dd>${e.fault}</dd>` : ''}
</dl></div>
<h2>${tr(lang, 'Tiêu đề', 'Headers')}</h2><table>${Object.entries(e.headers).map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>
<h2>${tr(lang, 'Phát hiện', 'Findings')} (${e.findings.length})</h2>
<table id="findings"><tr><th>${tr(lang, 'Mức', 'Level')}</th><th>${tr(lang, 'Quy tắc', 'Rule')}</th><th>${tr(lang, 'Vị trí', 'Path')}</th><th>${tr(lang, 'Nội dung', 'Message')}</th></tr>
${e.findings.map((f) => html`<tr><td>${f.level}</td><td><code>${f.rule}</code></td><td>${f.path}</td><td>${f.message[lang]}</td></tr>`)}</table>
${body ? html`<h2>${tr(lang, 'Gói tin', 'Packet')} <a class="small" href="${base}/journal/entries/${e.id}/raw">${tr(lang, 'XML gốc', 'raw XML')}</a></h2>${header}${attachments}` : ''}`;
}
