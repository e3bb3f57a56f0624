// The human form of a load result (the --json form is the LoadResult itself).
import type { LatencySummary } from './latencies.ts';
import type { LoadProgress, LoadResult } from './traffic.ts';

const row = (name: string, l: LatencySummary): string =>
  `  ${name.padEnd(34)} ${String(l.count).padStart(7)} ${[l.p50, l.p95, l.p99, l.max].map((v) => v.toFixed(1).padStart(9)).join('')}`;

export function progressLine(p: LoadProgress): string {
  return `truc load: ${p.elapsedSeconds}s ${p.phase === 'sending' ? 'gửi / sending' : 'chờ nhận hết / draining'} · văn bản / documents ${p.documentsReceived}/${p.documentsSent} · trạng thái / statuses ${p.statusesReceived} · lỗi / errors ${p.errors} · đang gửi / in flight ${p.inFlight}`;
}

export function formatLoadResult(r: LoadResult): string {
  const lines = [
    `truc load: ${r.config.units} đơn vị / units, ${r.config.docsPerMinute} văn bản/phút / docs per minute, ${r.config.durationSeconds} s, poll ${r.config.pollSeconds} s${r.config.sutCode ? `, SUT ${r.config.sutCode}` : ''}`,
    `  văn bản / documents: ${r.documents.acknowledged} acknowledged of ${r.documents.sent} sent (${r.documents.scheduled} scheduled), ${r.documents.delivered} delivered, ${r.documents.perMinuteAchieved}/min achieved`,
    `  trạng thái / statuses: ${r.statuses.acknowledged} acknowledged of ${r.statuses.sent} sent, ${r.statuses.delivered} delivered`,
    `  yêu cầu / requests: ${r.requests.total} in ${r.elapsedSeconds} s (${r.requests.perSecond}/s)`,
    `  lỗi / errors: ${r.errors.total}${Object.entries(r.errors.byKind).map(([k, n]) => `\n    ${k}: ${n}`).join('')}`,
    `  mất / lost: ${r.lost} (documents ${r.lostDetail.documents}, statuses ${r.lostDetail.statuses}, to SUT ${r.lostDetail.sutDocuments}); not fetched yet: ${r.notFetched}`,
    `  độ trễ / latency (ms)                   count      p50      p95      p99      max`,
    ...Object.entries(r.latency).map(([op, l]) => row(op, l)),
  ];
  if (r.sut) {
    lines.push(
      `  SUT ${r.sut.code}: ${r.sut.documents} documents; seconds until its status (unanswered 01: ${r.sut.unanswered01}, 03: ${r.sut.unanswered03})`,
      row('01 đã đến / received', r.sut.status01),
      row('03 đã tiếp nhận / accepted', r.sut.status03),
    );
  }
  return `${lines.join('\n')}\n`;
}
