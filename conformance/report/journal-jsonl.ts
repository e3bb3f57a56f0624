// journal.jsonl: the evidence, one JSON object per line: every exchange the simulator journaled
// for the run (`type: "exchange"`, body excerpt in base64) and every driver call the harness made
// (`type: "trigger"`). Report evidence ids point into this file: numbers at exchanges, strings at
// triggers.
import type { JournalEntry } from '../journal-view.ts';
import type { HarnessRecord, RunRecord } from '../run-record.ts';
import { vietnamIso } from '../vietnam-time.ts';

const exchangeLine = (e: JournalEntry): string => {
  const { bodyExcerpt, time, ...rest } = e;
  return JSON.stringify({
    type: 'exchange',
    ...rest,
    time: vietnamIso(time),
    ...(bodyExcerpt ? { bodyExcerptBase64: Buffer.from(bodyExcerpt).toString('base64') } : {}),
  });
};

const triggerLine = (h: HarnessRecord): string => JSON.stringify({ type: 'trigger', ...h, time: vietnamIso(h.time) });

export function renderJournalJsonl(run: RunRecord): string {
  const lines = [...run.journal.map(exchangeLine), ...run.harness.map(triggerLine)];
  return lines.length ? `${lines.join('\n')}\n` : '';
}
