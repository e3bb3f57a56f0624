// The JSON form of a journal entry (control API, SSE events, journal.jsonl): times as ISO 8601,
// the body excerpt as base64 and, when it is UTF-8 text, also as text.
import type { JournalEntry } from './store/types.ts';

export interface JournalEntryJson extends Omit<JournalEntry, 'time' | 'bodyExcerpt'> {
  time: string;
  bodyExcerpt?: string;
  bodyText?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function journalEntryToJson(entry: JournalEntry): JournalEntryJson {
  const { time, bodyExcerpt, ...rest } = entry;
  const json: JournalEntryJson = { ...rest, time: time.toISOString() };
  if (bodyExcerpt) {
    json.bodyExcerpt = Buffer.from(bodyExcerpt).toString('base64');
    try {
      json.bodyText = utf8.decode(bodyExcerpt);
    } catch {
      // Binary bodies (or a cut inside a UTF-8 sequence) are kept as base64 only.
    }
  }
  return json;
}
