// A delivery's photo is served to everyone from the letter page, so it must not carry
// what the camera wrote into it: a phone's photo holds where it was taken (EXIF GPS),
// when, the device, sometimes the owner's name (EXIF, XMP, IPTC, comments). The photo
// is kept with those parts taken out, its pixels untouched (no re-encoding, so no new
// library): JPEG keeps its image segments, JFIF, its colour profile and Adobe's colour
// marker, and the one EXIF value a viewer needs, the orientation, in an EXIF of its own;
// PNG and WebP keep every chunk but their EXIF, XMP, text and time ones. Anything after
// the image's end (a second image of a "multi-picture" JPEG with its own EXIF, or a
// polyglot's tail) is dropped. A file that does not read as its format gives null.

/** The photo without its metadata, or null when its structure cannot be read. */
export function withoutPhotoMetadata(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
    if (bytes[0] === 0x89 && bytes[1] === 0x50) return png(bytes);
    if (ascii(bytes, 0, 4) === "RIFF") return webp(bytes);
  } catch {
    // a length that runs past the end: not a photo we can read
  }
  return null;
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function need(bytes: Uint8Array, end: number) {
  if (end > bytes.length) throw new RangeError("truncated");
}

// JPEG: segments of marker FFxx and a two-byte length, until the first scan (SOS); from
// there, scan data, in which FF is followed by 00 or a restart marker, and further
// segments (a progressive JPEG has several scans), until EOI.
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

function jpeg(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation = 1;
  let at = 2;
  for (;;) {
    need(bytes, at + 2);
    if (bytes[at] !== 0xff) return null;
    while (bytes[at + 1] === 0xff) at++; // fill bytes before a marker
    const marker = bytes[at + 1];
    if (marker === 0xd9) {
      kept.push(bytes.subarray(at, at + 2));
      break;
    }
    need(bytes, at + 4);
    const end = at + 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
    need(bytes, end);
    const segment = bytes.subarray(at, end);
    const payload = bytes.subarray(at + 4, end);
    if (marker === APP1 && ascii(payload, 0, 6) === "Exif\0\0") orientation = exifOrientation(payload.subarray(6)) ?? orientation;
    const keep =
      (marker < APP0 || marker > 0xef || marker === APP0 || marker === APP14 || (marker === APP2 && ascii(payload, 0, 12) === "ICC_PROFILE\0")) &&
      marker !== COM;
    if (keep) kept.push(segment);
    at = end;
    if (marker === 0xda) {
      // the scan's data runs to the next marker that is not FF00 or a restart (FFD0-FFD7)
      let next = at;
      while (next + 1 < bytes.length && !(bytes[next] === 0xff && bytes[next + 1] !== 0 && (bytes[next + 1] < 0xd0 || bytes[next + 1] > 0xd7))) next++;
      need(bytes, next + 2);
      kept.push(bytes.subarray(at, next));
      at = next;
    }
  }
  if (orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return concat(kept);
}

/** EXIF's Orientation (tag 0112 in the first IFD of its TIFF structure), if it has one from 2 to 8. */
function exifOrientation(tiff: Uint8Array): number | null {
  const little = ascii(tiff, 0, 2) === "II";
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 2 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An EXIF segment that says only the orientation (big-endian TIFF, one IFD of one entry). */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...new TextEncoder().encode("Exif\0\0"), ...tiff];
  const length = payload.length + 2;
  return new Uint8Array([0xff, APP1, length >> 8, length & 0xff, ...payload]);
}

// PNG: an 8-byte signature, then chunks (length, type, data, CRC) up to IEND.
const PNG_DROPPED = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

function png(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (ascii(bytes, 1, 4) !== "PNG") return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  for (;;) {
    need(bytes, at + 8);
    const type = ascii(bytes, at + 4, at + 8);
    const end = at + 12 + view.getUint32(at);
    need(bytes, end);
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    if (type === "IEND") return concat(kept);
    at = end;
  }
}

// WebP: RIFF, its size, WEBP, then chunks (four letters, a little-endian size, the data
// padded to an even length). VP8X's flags say whether EXIF and XMP follow.
const WEBP_DROPPED = new Set(["EXIF", "XMP "]);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function webp(bytes: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (ascii(bytes, 8, 12) !== "WEBP") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  need(bytes, riffEnd);
  const kept: Uint8Array[] = [];
  let at = 12;
  while (at < riffEnd) {
    need(bytes, at + 8);
    const type = ascii(bytes, at, at + 4);
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    need(bytes, end);
    if (type === "VP8X") {
      const chunk = bytes.slice(at, end);
      chunk[8] &= ~(VP8X_EXIF | VP8X_XMP);
      kept.push(chunk);
    } else if (!WEBP_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  if (kept.length === 0) return null;
  const body = concat(kept);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}
