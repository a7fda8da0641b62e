/**
 * Reading what keyv stored, without ever throwing. keyv keeps `{"value": ..., "expires": ...}` as
 * JSON text; a row someone edited by hand, a truncated write or a value from another program may
 * be neither JSON nor that shape. Such a value becomes a `MalformedValue`, which the collection
 * skips and logs, so one bad row never fails a whole listing or a conversation.
 */

/** Stands in for a stored value that could not be read; carries why, for the log. */
export class MalformedValue {
  constructor(readonly reason: string) {}
}

/** keyv's own envelope around a value. */
export interface StoredEnvelope {
  value: unknown;
  expires?: number | null;
}

type Deserialize = (data: string) => unknown;

/**
 * Wraps keyv's deserializer (which keeps its `:base64:` and `::` escapes) so it returns a
 * `MalformedValue` envelope instead of throwing or returning something that is not an envelope.
 */
export function tolerantDeserializer(base: Deserialize): (data: string) => StoredEnvelope {
  return (data: string) => {
    let parsed: unknown;
    try {
      parsed = base(data);
    } catch {
      return { value: new MalformedValue('not valid JSON') };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('value' in parsed)) {
      return { value: new MalformedValue('not a keyv record') };
    }
    const envelope = parsed as StoredEnvelope;
    return { value: envelope.value, expires: typeof envelope.expires === 'number' ? envelope.expires : undefined };
  };
}

/** A raw value from a scan: the envelope, or undefined when the key vanished meanwhile. */
export function readScanned(raw: unknown, deserialize: (data: string) => StoredEnvelope): StoredEnvelope | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return { value: new MalformedValue('not text') };
  return deserialize(raw);
}
