//! An original photo with its metadata taken out losslessly (its pixels'
//! bytes untouched): JPEG without EXIF, XMP, IPTC and comments (the colour
//! profile and Adobe's colour segment kept, the orientation written again
//! in a minimal EXIF of that one field, so the photo still shows upright);
//! PNG without text, time and EXIF chunks; WebP without its EXIF and XMP
//! chunks.

use super::Kind;

/// `bytes` of a photo of `kind` without metadata; `orientation` (1–8) is
/// kept for JPEG.
pub(super) fn strip(bytes: &[u8], kind: Kind, orientation: u8) -> Result<Vec<u8>, String> {
    match kind {
        Kind::Jpeg => jpeg(bytes, orientation),
        Kind::Png => png(bytes),
        Kind::Webp => webp(bytes),
    }
}

fn truncated() -> String {
    "truncated".to_string()
}

fn jpeg(bytes: &[u8], orientation: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    if orientation > 1 && orientation <= 8 {
        out.extend_from_slice(&orientation_app1(orientation));
    }
    let mut i = 2;
    loop {
        // Fill bytes before a marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return Err(truncated());
        };
        if marker == 0xD9 || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            out.extend_from_slice(&bytes[i..i + 2]);
            i += 2;
            if marker == 0xD9 {
                return Ok(out);
            }
            continue;
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(i + 2).ok_or_else(truncated)?,
            *bytes.get(i + 3).ok_or_else(truncated)?,
        ]));
        let end = i + 2 + len;
        let segment = bytes.get(i..end).ok_or_else(truncated)?;
        if marker == 0xDA {
            // Start of scan: the rest is the image.
            out.extend_from_slice(&bytes[i..]);
            return Ok(out);
        }
        let payload = &segment[4..];
        let keep = match marker {
            0xE0 => true,                                  // JFIF
            0xE2 => payload.starts_with(b"ICC_PROFILE\0"), // colour profile
            0xEE => true,                                  // Adobe colour transform
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,     // EXIF, XMP, IPTC, comments …
            _ => true,                                     // tables, frame
        };
        if keep {
            out.extend_from_slice(segment);
        }
        i = end;
    }
}

/// An APP1 segment with a minimal EXIF: only the orientation.
fn orientation_app1(orientation: u8) -> Vec<u8> {
    let mut s = vec![0xFF, 0xE1, 0, 34];
    s.extend_from_slice(b"Exif\0\0MM\0\x2a\0\0\0\x08");
    s.extend_from_slice(&[0, 1]); // one entry
    s.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]);
    s.extend_from_slice(&[0, 0, 0, 0]); // no next directory
    s
}

fn png(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..8).ok_or_else(truncated)?);
    let mut i = 8;
    while i < bytes.len() {
        let head = bytes.get(i..i + 8).ok_or_else(truncated)?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let end = i + 12 + len;
        let chunk = bytes.get(i..end).ok_or_else(truncated)?;
        let kind = &head[4..8];
        if !matches!(kind, b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME") {
            out.extend_from_slice(chunk);
        }
        i = end;
        if kind == b"IEND" {
            break;
        }
    }
    Ok(out)
}

fn webp(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..12).ok_or_else(truncated)?);
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let kind = &bytes[i..i + 4];
        let len =
            u32::from_le_bytes([bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]]) as usize;
        let end = (i + 8 + len + (len & 1)).min(bytes.len());
        let chunk = &bytes[i..end];
        match kind {
            b"EXIF" | b"XMP " => {}
            b"VP8X" => {
                let mut c = chunk.to_vec();
                if let Some(flags) = c.get_mut(8) {
                    *flags &= !(0x08 | 0x04);
                }
                out.extend_from_slice(&c);
            }
            _ => out.extend_from_slice(chunk),
        }
        i = end;
    }
    let size = u32::try_from(out.len() - 8).map_err(|e| e.to_string())?;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    Ok(out)
}
