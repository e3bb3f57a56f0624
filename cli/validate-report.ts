// What `truc validate` prints: the JSON document of the issue (one per run, every operand
// included) or the human report (verdict per file, findings grouped by level, a summary line).
import type { Finding } from '../edxml/finding.ts';
import type { PacketKind } from '../edxml/types.ts';

export interface FileResult {
  file: string;
  kind: PacketKind;
  valid: boolean;
  error: { code: string; message: string } | null;
  findings: Finding[];
}

export function jsonReport(files: FileResult[]): string {
  const shaped = files.map((f) => ({
    file: f.file,
    kind: f.kind,
    valid: f.valid,
    error: f.error,
    findings: f.findings.map((x) => ({
      rule: x.rule,
      level: x.level,
      category: x.category,
      path: x.path,
      message: { vi: x.message.vi, en: x.message.en },
      cite: x.cite,
    })),
  }));
  return `${JSON.stringify({ files: shaped }, null, 2)}\n`;
}

function findingLines(findings: Finding[], title: string): string[] {
  if (findings.length === 0) return [];
  const lines = [`  ${title} (${findings.length}):`];
  for (const f of findings) {
    lines.push(`    ${f.rule} ${f.path}`, `      ${f.message.vi}`, `      ${f.message.en}`);
  }
  return lines;
}

export function humanReport(files: FileResult[]): string {
  const lines: string[] = [];
  for (const f of files) {
    if (f.error) {
      lines.push(`✗ ${f.file}: KHÔNG ĐỌC ĐƯỢC / UNREADABLE [${f.error.code}] ${f.error.message}`);
      continue;
    }
    const verdict = f.valid ? '✓ HỢP LỆ / VALID' : '✗ KHÔNG HỢP LỆ / INVALID';
    lines.push(`${verdict}: ${f.file} (${f.kind})`);
    lines.push(...findingLines(f.findings.filter((x) => x.level === 'error'), 'Lỗi / Errors'));
    lines.push(...findingLines(f.findings.filter((x) => x.level === 'warning'), 'Cảnh báo / Warnings'));
    lines.push(...findingLines(f.findings.filter((x) => x.level === 'note'), 'Ghi chú (không tính) / Notes (not counted)'));
  }
  const unreadable = files.filter((f) => f.error).length;
  const invalid = files.filter((f) => !f.error && !f.valid).length;
  const valid = files.length - unreadable - invalid;
  lines.push(
    `Tổng kết / Summary: ${files.length} tệp/files, ${valid} hợp lệ/valid, ${invalid} không hợp lệ/invalid, ${unreadable} không đọc được/unreadable`,
  );
  return `${lines.join('\n')}\n`;
}
