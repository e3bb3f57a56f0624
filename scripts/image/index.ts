// `npm run image`: see build.ts.
import { buildImages } from './build.ts';

const images = await buildImages((line) => process.stdout.write(`${line}\n`));
process.stdout.write(`image: built ${[...images.truc, ...images.referenceAgency].join(', ')}\n`);
