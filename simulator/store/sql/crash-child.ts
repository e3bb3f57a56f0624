// Child process of the durability test: opens the embedded store in the given folder, accepts one
// send, prints "OK" only once acceptSend has resolved (as the axis answers OK), then idles until
// the test kills it with SIGKILL: no close(), no exit handlers, nothing flushed after the OK.
//   node --import tsx simulator/store/sql/crash-child.ts DATA_DIR SENDER_ID RECEIVER_ID...
import { createHash } from 'node:crypto';
import type { Delivery, StoredPacket } from '../types.ts';
import { openEmbeddedStore } from './open.ts';

const [dataDir, senderId, ...receiverIds] = process.argv.slice(2);
if (!dataDir || !senderId || receiverIds.length === 0) {
  process.stderr.write('usage: crash-child.ts DATA_DIR SENDER_ID RECEIVER_ID...\n');
  process.exit(2);
}

const store = await openEmbeddedStore(dataDir);
const bytes = new TextEncoder().encode(`<edXML>gói tin ${senderId}</edXML>`);
const now = new Date();
const packet: StoredPacket = {
  senderId,
  bytes,
  kind: 'edoc',
  messageType: 'edoc',
  serviceType: 'eDoc',
  caller: '000.00.00.G22',
  from: '000.00.00.G22',
  sha256: createHash('sha256').update(bytes).digest('hex'),
  injected: false,
  created: now,
};
const deliveries: Delivery[] = receiverIds.map((receiverId, i) => ({
  receiverId,
  senderId,
  recipientCode: `000.0${i + 1}.01.G99`,
  recipientSystem: `000.0${i + 1}.01.G99`,
  fromCode: '000.00.00.G22',
  messageType: 'edoc',
  serviceType: 'eDoc',
  state: 'initial',
  statusDesc: 'Chua nhan',
  created: now,
  updated: now,
}));
await store.acceptSend(packet, deliveries);
process.stdout.write('OK\n');
setInterval(() => {}, 60_000);
