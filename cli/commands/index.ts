// The commands of `truc`, in the order `truc --help` lists them. Each module is imported only when
// its command runs, so `truc --help` and `truc --version` start without loading the simulator,
// the suite or their dependencies.
import type { CommandEntry, TrucCommand } from '../command.ts';

const entry = <A>(command: string, describe: string, load: () => Promise<TrucCommand<A>>): CommandEntry => ({
  command,
  describe,
  load: load as unknown as CommandEntry['load'],
});

export const commands: CommandEntry[] = [
  entry('validate <files..>', 'Kiểm tra gói tin edXML theo QCVN 102:2016 / Validate edXML packets against QCVN 102:2016', async () => (await import('./validate.ts')).validateCommand),
  entry('sign', 'Ký số PDF (người ký rồi cơ quan) / Sign a PDF (the signer, then the organisation)', async () => (await import('./sign.ts')).signCommand),
  entry('sign-packet', 'Ký XML (XMLDSig) toàn bộ gói tin edXML / Sign a whole edXML packet (enveloped XMLDSig)', async () => (await import('./sign-packet.ts')).signPacketCommand),
  entry('pki <action>', 'PKI thử nghiệm: init (tạo) | issue (cấp chứng thư) / Test PKI: init | issue a certificate', async () => (await import('./pki.ts')).pkiCommand),
  entry('serve', 'Chạy trục mô phỏng qua HTTP / Run the simulated axis over HTTP', async () => (await import('./serve.ts')).serveCommand),
  entry('load', 'Tải thử một sandbox đang chạy (máy này) / Drive realistic traffic through a running sandbox (loopback)', async () => (await import('./load.ts')).loadCommand),
  entry('verify <dir>', 'Kiểm tra chứng nhận của một lượt kiểm thử / Check a run folder against its certificate', async () => (await import('./verify.ts')).verifyCommand),
  entry('demo', 'Chạy toàn bộ bộ kiểm thử với cơ quan mẫu / Run the whole suite against the reference agency', async () => (await import('./demo.ts')).demoCommand),
  entry('certify', 'Kiểm tra phù hợp một hệ thống thật / Run the conformance suite against a real system', async () => (await import('./certify.ts')).certifyCommand),
  entry('reference-agency', 'Chạy cơ quan mẫu như một hệ thống riêng / Run the reference agency as a standalone system (TRUC_* environment)', async () => (await import('./reference-agency.ts')).referenceAgencyCommand),
];
