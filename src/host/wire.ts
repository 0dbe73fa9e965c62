/**
 * Chrome's native messaging framing: a 32-bit length in native byte order (little-endian on every
 * platform we run on), then that many bytes of UTF-8 JSON.
 */
export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Feeds stdin chunks in, calls `onMessage` per complete frame. */
export function frameReader(onMessage: (message: unknown) => void, maxFrame = 64 * 1024 * 1024): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUInt32LE(0);
      if (length > maxFrame) throw new Error(`frame of ${length} bytes`);
      if (pending.length < 4 + length) return;
      const body = pending.subarray(4, 4 + length).toString('utf8');
      pending = pending.subarray(4 + length);
      onMessage(JSON.parse(body));
    }
  };
}
