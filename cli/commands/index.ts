import type { TrucCommand } from '../command.ts';
import { validateCommand } from './validate.ts';
import { pkiCommand } from './pki.ts';
import { signCommand } from './sign.ts';
import { signPacketCommand } from './sign-packet.ts';
import { serveCommand } from './serve.ts';
import { verifyCommand } from './verify.ts';
import { demoCommand } from './demo.ts';
import { certifyCommand } from './certify.ts';
import { referenceAgencyCommand } from './reference-agency.ts';

// Every command module of `truc`, in the order `truc --help` lists them.
export const commands: TrucCommand<never>[] = [
  validateCommand as unknown as TrucCommand<never>,
  signCommand as unknown as TrucCommand<never>,
  signPacketCommand as unknown as TrucCommand<never>,
  pkiCommand as unknown as TrucCommand<never>,
  serveCommand as unknown as TrucCommand<never>,
  verifyCommand as unknown as TrucCommand<never>,
  demoCommand as unknown as TrucCommand<never>,
  certifyCommand as unknown as TrucCommand<never>,
  referenceAgencyCommand as unknown as TrucCommand<never>,
];
