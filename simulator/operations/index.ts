// Every operation of the axis protocol, by the name clients put in the URL.
import { countReceiveEdoc, countReceiveStatus } from './count-receive.ts';
import { deleteAgency } from './delete-agency.ts';
import { downloadEdoc } from './download-edoc.ts';
import { getAgenciesList } from './get-agencies-list.ts';
import { getAgenciesListQD20 } from './get-agencies-list-qd20.ts';
import { getEdoc } from './get-edoc.ts';
import { getReceivedEdocList } from './get-received-edoc-list.ts';
import { getSentEdocList } from './get-sent-edoc-list.ts';
import { getSynchronizeUnit } from './get-synchronize-unit.ts';
import type { Operation } from './operation.ts';
import { registerAgency } from './register-agency.ts';
import { sendEdoc } from './send-edoc.ts';
import { updateStatus } from './update-status.ts';

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  [
    getAgenciesList,
    getAgenciesListQD20,
    getSynchronizeUnit,
    registerAgency,
    deleteAgency,
    sendEdoc,
    getReceivedEdocList,
    countReceiveEdoc,
    countReceiveStatus,
    getEdoc,
    downloadEdoc,
    updateStatus,
    getSentEdocList,
  ].map((op) => [op.name, op]),
);
