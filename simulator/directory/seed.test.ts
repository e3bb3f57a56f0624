import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryRecord } from '../../edxml/types.ts';
import { ALLOWED_TEST_IDS, readDirectoryFile, seedDirectory, validateDirectory } from './seed.ts';

describe('seeded directory', () => {
  let records: DirectoryRecord[];
  beforeAll(async () => {
    records = await seedDirectory();
  });
  const byCode = (code: string) => records.find((r) => r.code === code || r.code102 === code);

  it('holds the Government Office and the Ministry of Finance in both code forms', () => {
    expect(byCode('G22')).toMatchObject({ code: 'G22', code102: '000.00.00.G22', name: 'Văn phòng Chính phủ' });
    expect(byCode('000.00.00.G12')).toMatchObject({ code: 'G12', name: 'Bộ Tài chính' });
    expect(byCode('G22')?.inferred).toBeUndefined();
  });

  it('numbers the 63 pre-2025 provinces, with the six observed numbers not marked inferred', () => {
    const provinces = records.filter((r) => /^H\d{2}$/.test(r.code));
    expect(provinces).toHaveLength(63);
    const known = { H14: 'Cao Bằng', H22: 'Hà Giang', H29: 'Hồ Chí Minh', H36: 'Lâm Đồng', H41: 'Nghệ An', H53: 'Tây Ninh' };
    for (const [code, name] of Object.entries(known)) {
      expect(byCode(code)?.name.endsWith(name)).toBe(true);
      expect(byCode(code)?.inferred).toBeUndefined();
    }
    expect(byCode('H24')).toMatchObject({ name: 'Ủy ban nhân dân thành phố Hà Nội', inferred: true });
  });

  it('has sub-units under a province and under G22, pointing at their parents', () => {
    const unit = byCode('000.00.11.H53');
    expect(unit?.pid).toBe(byCode('H53')?.id);
    expect(unit?.pcode).toBe('000.00.00.H53');
    expect(records.filter((r) => r.pid === byCode('G22')?.id).length).toBeGreaterThan(0);
  });

  it('reserves at least 60 test agencies under 000.00.00.G99', () => {
    const root = byCode('000.00.00.G99');
    const groups = new Set(records.filter((r) => r.pid === root?.id).map((r) => r.id));
    const units = records.filter((r) => r.pid !== undefined && groups.has(r.pid));
    expect(units.length).toBeGreaterThanOrEqual(60);
    expect(units.map((u) => u.code102)).toContain('000.01.02.G99');
    expect(units.every((u) => /test agency/.test(u.name))).toBe(true);
  });

  it('uses Vietnamese diacritics in names and NFC text', () => {
    expect(records.every((r) => r.name === r.name.normalize('NFC'))).toBe(true);
    expect(byCode('H36')?.name).toBe('Ủy ban nhân dân tỉnh Lâm Đồng');
  });

  it('exports the test relay ids as an allow-list, not as directory records', () => {
    expect([...ALLOWED_TEST_IDS].sort()).toEqual(['00.22.W00', '02.29.W00', 'vxp.saas.02']);
    for (const id of ALLOWED_TEST_IDS) expect(byCode(id)).toBeUndefined();
  });

  it('returns a fresh copy on each call', async () => {
    const again = await seedDirectory();
    again[0].name = 'changed';
    expect((await seedDirectory())[0].name).not.toBe('changed');
  });
});

describe('directory validation', () => {
  const good = (): DirectoryRecord[] => [
    { id: 'a', code: 'G22', code102: '000.00.00.G22', name: 'Văn phòng Chính phủ', mail: 'a@b.vn', version: 1, deleted: false },
    { id: 'b', pid: 'a', code: '000.00.01.G22', code102: '000.00.01.G22', name: 'Vụ', version: 1, deleted: false },
  ];
  const failure = (data: unknown) => {
    const result = validateDirectory(data);
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  };

  it('accepts a well-formed directory', () => {
    expect(validateDirectory(good())).toEqual({ ok: true, records: good() });
  });

  it.each([
    ['not an array', { records: [] }, /array/],
    ['a record that is not an object', [42], /not a JSON object/],
    ['a missing name', [{ ...good()[0], name: '' }], /"name"/],
    ['a malformed QCVN 102 code', [{ ...good()[0], code102: '01.02.G22' }], /QCVN 102/],
    ['a malformed QĐ 20 code', [{ ...good()[0], code: 'g22 x' }], /not a valid identifier/],
    ['a test relay id as a record', [{ ...good()[0], code: 'vxp.saas.02', code102: undefined }], /not a valid identifier/],
    ['an invalid mail', [{ ...good()[0], mail: 'not-a-mail' }], /e-mail/],
    ['a non-integer version', [{ ...good()[0], version: '1' }], /version/],
    ['a non-boolean deleted', [{ ...good()[0], deleted: 'no' }], /deleted/],
    ['a bad modifyDate', [{ ...good()[0], modifyDate: '01/01/2025' }], /modifyDate/],
    ['a duplicate id', [good()[0], { ...good()[1], id: 'a' }], /duplicate id/],
    ['a code shared by two records', [good()[0], { ...good()[1], code: 'G22' }], /duplicate code "G22"/],
    ['a code equal to another record code102', [good()[0], { ...good()[1], code: '000.00.00.G22', code102: undefined }], /duplicate code/],
    ['a dangling parent', [good()[0], { ...good()[1], pid: 'zz' }], /parent id "zz"/],
  ])('refuses %s with a bilingual SEED-INVALID error', (_name, data, en) => {
    const error = failure(data);
    expect(error.code).toBe('SEED-INVALID');
    expect(error.en).toMatch(en);
    expect(error.vi).toMatch(/^Danh bạ khởi tạo sai/);
  });

  describe('reading a file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'truc-seed-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reports a missing file as SEED-READ', async () => {
      const result = await readDirectoryFile(join(dir, 'absent.json'));
      expect(result).toMatchObject({ ok: false, error: { code: 'SEED-READ' } });
    });

    it('reports broken JSON as SEED-JSON', async () => {
      const path = join(dir, 'broken.json');
      await writeFile(path, '[{"id": ');
      expect(await readDirectoryFile(path)).toMatchObject({ ok: false, error: { code: 'SEED-JSON' } });
    });

    it('reads a vendor directory file', async () => {
      const path = join(dir, 'own.json');
      await writeFile(path, JSON.stringify(good()));
      expect(await readDirectoryFile(path)).toEqual({ ok: true, records: good() });
    });
  });
});
