import type { TrucCommand } from '../command.ts';
import { validateCommand } from './validate.ts';

// Every command module of `truc`, in the order `truc --help` lists them.
export const commands: TrucCommand<never>[] = [validateCommand as TrucCommand<never>];
