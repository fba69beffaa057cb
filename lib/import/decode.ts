import chardet from "chardet";
import iconv from "iconv-lite";

// Bytes to text. Exports come as UTF-8 with or without a byte-order mark, UTF-16 from some Excel saves,
// and Windows-1252 / Latin-1 from older CRMs and spreadsheets. We detect from the first bytes, the user
// can override on the mapping step, and the decoder streams (a character split across two chunks is
// joined correctly).

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1", "iso-8859-15", "macintosh"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const ENCODING_LABELS: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little endian)",
  "utf-16be": "UTF-16 (big endian)",
  "windows-1252": "Windows-1252 (Western European, Excel on Windows)",
  "iso-8859-1": "ISO-8859-1 (Latin-1)",
  "iso-8859-15": "ISO-8859-15 (Latin-9, with €)",
  macintosh: "Mac Roman",
};

export interface EncodingDetection {
  encoding: Encoding;
  bom: boolean;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** True when the bytes are valid UTF-8, ignoring a character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  // Step back over at most 3 trailing continuation/lead bytes that may belong to a cut character.
  let end = bytes.length;
  for (let back = 0; back < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; back++) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export function detectEncoding(sample: Uint8Array): EncodingDetection {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", bom: true };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: "utf-16le", bom: true };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: "utf-16be", bom: true };
  if (isUtf8(sample)) return { encoding: "utf-8", bom: false };
  const guess = chardet.detect(sample)?.toLowerCase();
  if (guess === "utf-16le" || guess === "utf-16be") return { encoding: guess, bom: false };
  if (guess === "iso-8859-15") return { encoding: "iso-8859-15", bom: false };
  if (guess === "macintosh") return { encoding: "macintosh", bom: false };
  // Files that are not UTF-8 are almost always Windows-1252, a superset of Latin-1 (it adds €, “ ” …).
  return { encoding: "windows-1252", bom: false };
}

export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** A streaming decoder that drops a leading byte-order mark. */
export function createDecoder(encoding: Encoding): StreamDecoder {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? "",
  };
}

/** Decodes a whole (small) buffer: samples and tests. */
export function decodeAll(bytes: Uint8Array, encoding: Encoding): string {
  const decoder = createDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}
