import { CliError, type TrucCommand } from '../command.ts';

// Replaced by the packet-language work (issue 2).
export const validateCommand: TrucCommand<{ files: string[] }> = {
  command: 'validate <files..>',
  describe: 'Kiểm tra gói tin edXML / Validate edXML packets',
  builder: (y) => y.positional('files', { type: 'string', array: true, demandOption: true }) as never,
  run: async () => {
    throw new CliError('CLI-NOT-READY', 'Lệnh chưa sẵn sàng', 'Command not implemented yet');
  },
};
