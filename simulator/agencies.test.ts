// Directory operations: the lists, registerAgency / deleteAgency, sync versions, and the rule that
// a system manages only its own units.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { NGHE_AN, TAY_NINH, inProcessClient, testAxis } from './testing/fixtures.ts';

describe('directory operations', () => {
  let axis: Axis;
  beforeEach(async () => {
    axis = await testAxis();
  });
  afterEach(() => axis.close());

  it('lists the seeded directory in both code forms', async () => {
    const client = inProcessClient(axis, NGHE_AN);
    const list = await client.getAgenciesList();
    const vpcp = list.data.find((a) => a.code === '000.00.00.G22');
    expect(vpcp && Object.keys(vpcp)).toEqual(['id', 'pid', 'code', 'name', 'mail', 'oldCode']);
    const qd20 = await client.getAgenciesListQD20();
    expect(qd20.data.find((a) => a.code === 'G22')).toMatchObject({ code102: '000.00.00.G22' });
    const sync = await client.getSynchronizeUnit();
    const item = sync.data.find((a) => a.code === '000.00.00.G22');
    expect(item).toMatchObject({ deleted: false, isAgency: true });
    expect(Number.isInteger(item?.version)).toBe(true);
  });

  it('registers, updates and deletes a unit under the caller, with growing versions', async () => {
    const client = inProcessClient(axis, NGHE_AN);
    const maxVersion = async () => Math.max(...(await client.getSynchronizeUnit()).data.map((a) => a.version));
    const v0 = await maxVersion();
    expect((await client.registerAgency({ pcode: NGHE_AN.systemId, code: '000.07.01.H41', name: 'Sở A' })).status).toBe('OK');
    const v1 = await maxVersion();
    expect(v1).toBeGreaterThan(v0);
    const again = await client.registerAgency({ pcode: NGHE_AN.systemId, code: '000.07.01.H41', name: 'Sở A' });
    expect(again).toMatchObject({ status: 'FAIL', ErrorCode: '42' });
    const record = await axis.core.store.findAgency('000.07.01.H41');
    expect((await client.registerAgency({ id: record!.id, pcode: NGHE_AN.systemId, code: '000.07.01.H41', name: 'Sở A (đổi tên)' })).status).toBe('OK');
    // A unit under a unit the caller registered is the caller's too.
    expect((await client.registerAgency({ pcode: '000.07.01.H41', code: '000.07.02.H41', name: 'Phòng B' })).status).toBe('OK');
    expect((await client.deleteAgency('000.07.01.H41')).status).toBe('OK');
    const sync = (await client.getSynchronizeUnit()).data.find((a) => a.code === '000.07.01.H41');
    expect(sync).toMatchObject({ deleted: true, name: 'Sở A (đổi tên)' });
    expect(sync!.version).toBeGreaterThan(v1);
    expect((await client.getAgenciesList()).data.some((a) => a.code === '000.07.01.H41')).toBe(false);
  });

  it('refuses to let a system touch units it does not manage', async () => {
    const ngheAn = inProcessClient(axis, NGHE_AN);
    const tayNinh = inProcessClient(axis, TAY_NINH);
    expect((await tayNinh.registerAgency({ pcode: TAY_NINH.systemId, code: '000.07.01.H53', name: 'Sở C' })).status).toBe('OK');
    expect((await ngheAn.registerAgency({ pcode: TAY_NINH.systemId, code: '000.07.09.H53', name: 'Sở D' })).ErrorCode).toBe('41');
    expect((await ngheAn.registerAgency({ pcode: '000.07.01.H53', code: '000.07.09.H53', name: 'Sở D' })).ErrorCode).toBe('41');
    expect((await ngheAn.deleteAgency('000.07.01.H53')).ErrorCode).toBe('41');
    // Seeded agencies belong to nobody: not even their own system deletes them.
    expect((await ngheAn.deleteAgency(NGHE_AN.systemId)).ErrorCode).toBe('41');
    expect((await ngheAn.deleteAgency('000.99.99.H41')).ErrorCode).toBe('40');
    expect((await ngheAn.deleteAgency('')).ErrorCode).toBe('14');
  });
});
