// The console's page shell: navigation, language switch (Vietnamese first, English on request),
// and the one stylesheet. Pages are rendered on the server with hono's `html` helper, which
// escapes every interpolated value; `raw` is used only for markup built here.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { LocalizedText } from '../edxml/finding.ts';

export type Lang = 'vi' | 'en';
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Picks the sentence of the page's language. */
export const tr = (lang: Lang, vi: string, en: string): string => (lang === 'en' ? en : vi);
export const loc = (lang: Lang, text: LocalizedText | undefined): string => (text ? text[lang] : '');

const NAV: [string, string, string][] = [
  ['runs', 'Lượt kiểm thử', 'Runs'],
  ['journal', 'Nhật ký', 'Journal'],
  ['rollout', 'Triển khai', 'Rollout'],
  ['coverage', 'Yêu cầu', 'Requirements'],
  ['compare', 'So sánh', 'Compare'],
];

export function page(lang: Lang, base: string, title: string, body: Html, options: { script?: string; active?: string } = {}): Html {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — truc</title>
<link rel="stylesheet" href="${base}/assets/console.css">
</head>
<body>
<header class="top">
<a class="brand" href="${base}/">truc</a>
<nav>${raw(
    NAV.map(
      ([id, vi, en]) => `<a href="${base}/${id === 'runs' ? '' : id}"${options.active === id ? ' class="active"' : ''}>${tr(lang, vi, en)}</a>`,
    ).join(''),
  )}</nav>
<a class="lang" href="?lang=${other}" data-lang="${other}">${other === 'en' ? 'English' : 'Tiếng Việt'}</a>
</header>
<main>
<h1>${title}</h1>
${body}
</main>
${options.script ? html`<script src="${base}/assets/${options.script}"></script>` : ''}
</body>
</html>`;
}

export const RESULT_LABEL: Record<string, LocalizedText> = {
  pending: { vi: 'Chờ chạy', en: 'pending' },
  running: { vi: 'Đang chạy', en: 'running' },
  pass: { vi: 'Đạt', en: 'pass' },
  fail: { vi: 'Không đạt', en: 'fail' },
  warn: { vi: 'Cảnh báo', en: 'warn' },
  skip: { vi: 'Bỏ qua', en: 'skip' },
  error: { vi: 'Lỗi bộ kiểm thử', en: 'error' },
  conformant: { vi: 'Phù hợp', en: 'Conformant' },
  'not-conformant': { vi: 'Không phù hợp', en: 'Not conformant' },
  incomplete: { vi: 'Chưa đủ kết luận', en: 'Incomplete' },
  finished: { vi: 'Đã xong', en: 'finished' },
  aborted: { vi: 'Đã dừng, không kết luận', en: 'stopped, no verdict' },
};

export const badge = (lang: Lang, state: string | undefined): Html =>
  html`<span class="badge ${state ?? ''}">${loc(lang, RESULT_LABEL[state ?? ''] ?? { vi: state ?? '—', en: state ?? '—' })}</span>`;

export const time = (d: Date | string | undefined): string =>
  d === undefined ? '—' : new Date(d).toLocaleString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 19);
