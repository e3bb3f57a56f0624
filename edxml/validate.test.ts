import { describe, expect, it } from 'vitest';
import { buildPacket } from './build.ts';
import { composeEdoc, type EdocInput } from './compose.ts';
import type { DirectoryRecord } from './types.ts';
import { validatePacket } from './validate.ts';

const input: EdocInput = {
  from: '000.00.00.G22', to: ['000.00.00.G12'], codeNumber: '12', codeNotation: 'QĐ-UBND', promulgationDate: '2025/09/30', subject: 'Về việc thử',
};
const packet = (over: Partial<EdocInput> = {}) => buildPacket(composeEdoc({ ...input, ...over }));
const rules = async (bytes: Uint8Array, options = {}) => (await validatePacket(bytes, { now: new Date('2025-10-01T00:00:00Z'), ...options })).findings.map((f) => f.rule);

describe('validatePacket', () => {
  it('finds nothing to say about a plain correct document', async () => {
    const report = await validatePacket(packet(), { now: new Date('2025-10-01T00:00:00Z') });
    expect(report).toMatchObject({ kind: 'edoc', valid: true, findings: [] });
    expect(report.packet?.kind).toBe('edoc');
  });

  it('judges "in the future" by the Vietnam date of `now`', async () => {
    // 2025-09-29T17:00Z is already 2025/09/30 in Vietnam (UTC+7).
    expect(await rules(packet(), { now: new Date('2025-09-29T17:00:00Z') })).toEqual([]);
    expect(await rules(packet(), { now: new Date('2025-09-29T16:59:59Z') })).toEqual(['EDXML-DATE-002']);
  });

  it('with strict, counts warnings as errors', async () => {
    const withWarning = packet({ type: '71' });
    expect((await validatePacket(withWarning, { now: new Date('2025-10-01T00:00:00Z') })).valid).toBe(true);
    expect((await validatePacket(withWarning, { now: new Date('2025-10-01T00:00:00Z'), strict: true })).valid).toBe(false);
  });

  it('admits allow-listed ids and recognises both forms of one agency through the directory', async () => {
    expect(await rules(packet({ to: ['vxp.saas.02'] }))).toEqual(['EDXML-ID-001']);
    expect(await rules(packet({ to: ['vxp.saas.02'] }), { allowIds: ['vxp.saas.02'] })).toEqual([]);
    const directory: DirectoryRecord[] = [{ id: 'x', code: 'H29.01', code102: '000.00.01.H29', name: 'Sở', version: 1, deleted: false }];
    const twice = packet({ to: ['H29.01', '000.00.01.H29'] });
    expect(await rules(twice)).toEqual([]);
    expect(await rules(twice, { directory })).toEqual(['EDXML-ID-003']);
  });

  it('checks lengths in code points of NFC text and DocumentId against the header', async () => {
    const decomposed = 'a\u0301'.repeat(30);
    expect(await rules(packet({ codeNotation: decomposed }))).toEqual([]);
    expect(await rules(packet({ codeNotation: `${decomposed}x` }))).toEqual(['EDXML-STRUCT-004']);
    expect(await rules(packet({ documentId: '000.00.00.G22,2025/09/29,12/QĐ-UBND' }))).toEqual(['EDXML-DATE-003']);
    expect(await rules(packet({ documentId: '000.00.00.G12,2025/09/30,12/QĐ-UBND' }))).toEqual(['EDXML-STRUCT-006']);
  });
});
