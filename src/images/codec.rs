//! Reading and writing pixels: a photo's header read without decoding
//! ([`probe_file`]), and its published files made from one decode
//! ([`make`]): decoded with `image` (zune-jpeg for JPEG), scaled with
//! `fast_image_resize` (Lanczos3) to one oriented intermediate, from which
//! every derivative is cut, encoded with libwebp (lossy WebP) or `image`'s
//! JPEG encoder. Decodes wait for a pixel budget ([`Budget`]), so memory
//! stays bounded whatever the number of threads.

use std::io::Cursor;
use std::path::Path;
use std::sync::{Condvar, Mutex};

use fast_image_resize as fr;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, metadata::Orientation};

use super::{Focus, Kind, MAX_PIXELS, OG_WIDTH, Photo, Variant, size_of};
use crate::config::{ImageFormat, Images as Settings};
use crate::error::{Diagnostic, Error, Result};

/// What the file's first bytes say it is.
fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Kind::Webp)
    } else {
        None
    }
}

/// HEIC/HEIF (an iPhone's photos): an ISO box `ftyp` of such a brand.
fn is_heic(bytes: &[u8], path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let brand = bytes.get(4..12).is_some_and(|b| {
        &b[..4] == b"ftyp"
            && [
                b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif",
            ]
            .iter()
            .any(|x| &b[4..8] == *x)
    });
    brand || ext == "heic" || ext == "heif"
}

/// Why a photo cannot be published, and what to do, for file `shown`.
#[derive(Debug, Clone, Copy)]
enum Why {
    Unreadable,
    Empty,
    Heic,
    NotPhoto,
    Broken,
    TooLarge,
}

fn error(shown: &Path, why: Why, reason: &str) -> Diagnostic {
    let (msg, hint) = match why {
        Why::Unreadable => (
            crate::t!("images-unreadable", reason = reason),
            crate::t!("images-unreadable.hint"),
        ),
        Why::Empty => (crate::t!("images-empty"), crate::t!("images-empty.hint")),
        Why::Heic => (crate::t!("images-heic"), crate::t!("images-heic.hint")),
        Why::NotPhoto => (
            crate::t!("images-not-photo"),
            crate::t!("images-not-photo.hint"),
        ),
        Why::Broken => (
            crate::t!("images-broken", reason = reason),
            crate::t!("images-broken.hint"),
        ),
        Why::TooLarge => (
            crate::t!("images-too-large", size = reason),
            crate::t!("images-too-large.hint"),
        ),
    };
    Diagnostic::new(shown, msg).hint(hint)
}

/// Read the photo at `path` (shown as `shown`): its hash, size as shown
/// and orientation, from its header; or why it cannot be published.
pub(super) fn probe_file(path: &Path, shown: &Path) -> std::result::Result<Photo, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| error(shown, Why::Unreadable, &e.to_string()))?;
    if bytes.is_empty() {
        return Err(error(shown, Why::Empty, ""));
    }
    if is_heic(&bytes, path) {
        return Err(error(shown, Why::Heic, ""));
    }
    let Some(kind) = sniff(&bytes) else {
        return Err(error(shown, Why::NotPhoto, ""));
    };
    let (w, h, orientation) = header(&bytes, kind).map_err(|e| error(shown, Why::Broken, &e))?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        let mp = (u64::from(w) * u64::from(h)).div_ceil(1_000_000);
        return Err(error(shown, Why::TooLarge, &format!("{w}×{h} ({mp} MP)")));
    }
    let (width, height) = if orientation >= 5 { (h, w) } else { (w, h) };
    Ok(Photo {
        hash: crate::stamp::hash_of(&bytes[..]),
        width,
        height,
        kind,
        orientation,
        bytes: bytes.len() as u64,
    })
}

fn reader(bytes: &[u8], kind: Kind) -> ImageReader<Cursor<&[u8]>> {
    let mut r = ImageReader::new(Cursor::new(bytes));
    r.set_format(match kind {
        Kind::Jpeg => image::ImageFormat::Jpeg,
        Kind::Png => image::ImageFormat::Png,
        Kind::Webp => image::ImageFormat::WebP,
    });
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    r.limits(limits);
    r
}

/// Width, height (as stored) and EXIF orientation, without decoding.
fn header(bytes: &[u8], kind: Kind) -> std::result::Result<(u32, u32, u8), String> {
    let mut d = reader(bytes, kind)
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let (w, h) = d.dimensions();
    if w == 0 || h == 0 {
        return Err("0×0".into());
    }
    let o = d.orientation().map_or(1, Orientation::to_exif);
    Ok((w, h, o))
}

/// A number of pixels decoded at once, shared by all threads.
pub(super) struct Budget {
    left: Mutex<u64>,
    freed: Condvar,
    total: u64,
}

impl Budget {
    pub(super) fn new(total: u64) -> Budget {
        Budget {
            left: Mutex::new(total),
            freed: Condvar::new(),
            total,
        }
    }

    /// Wait until `n` pixels fit (one photo alone always fits), run `f`.
    fn with<T>(&self, n: u64, f: impl FnOnce() -> T) -> T {
        let n = n.min(self.total);
        {
            let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
            while *left < n {
                left = self.freed.wait(left).unwrap_or_else(|e| e.into_inner());
            }
            *left -= n;
        }
        let out = f();
        *self.left.lock().unwrap_or_else(|e| e.into_inner()) += n;
        self.freed.notify_all();
        out
    }
}

/// Write the `missing` files of photo `p` (at `file`) into the cache.
/// Returns whether the photo was decoded (only the original missing: not).
pub(super) fn make(
    file: &Path,
    p: &Photo,
    missing: &[(Variant, &Path)],
    settings: &Settings,
    budget: &Budget,
) -> Result<bool> {
    let io = |e| Error::Io {
        path: file.to_path_buf(),
        source: e,
    };
    let bytes = std::fs::read(file).map_err(io)?;
    let shown = crate::load::tidy(file);
    let broken = |e: String| Error::Content(vec![error(&shown, Why::Broken, &e)]);
    let mut decoded = false;
    let mut derived = missing
        .iter()
        .filter(|(v, _)| *v != Variant::Original)
        .peekable();
    if derived.peek().is_some() {
        let base = budget.with(u64::from(p.width) * u64::from(p.height), || {
            intermediate(&bytes, p, settings)
        });
        let base = base.map_err(broken)?;
        decoded = true;
        for (v, cache) in derived {
            let out = derive(&base, p, *v, settings).map_err(broken)?;
            write_atomic(cache, &out)?;
        }
    }
    if let Some((_, cache)) = missing.iter().find(|(v, _)| *v == Variant::Original) {
        let out = super::strip::strip(&bytes, p.kind, p.orientation).map_err(broken)?;
        write_atomic(cache, &out)?;
    }
    Ok(decoded)
}

/// Write `path` whole or not at all: into a temporary file of its folder,
/// then renamed. The temporary name is this process's and this write's
/// (`….tmpPID-N`), so two writes never share one, whichever process or
/// thread makes them; `prune` leaves such files alone.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    let io = |e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// The photo decoded, scaled to the widest file made of it, oriented:
/// the full-size pixels are let go of before orienting.
fn intermediate(
    bytes: &[u8],
    p: &Photo,
    settings: &Settings,
) -> std::result::Result<Pixels, String> {
    let d = reader(bytes, p.kind)
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let img = DynamicImage::from_decoder(d).map_err(|e| e.to_string())?;
    let alpha = img.color().has_alpha();
    let (raw, pixel) = if alpha {
        (img.into_rgba8().into_raw(), fr::PixelType::U8x4)
    } else {
        (img.into_rgb8().into_raw(), fr::PixelType::U8x3)
    };
    let widest = settings
        .widths
        .iter()
        .copied()
        .chain([OG_WIDTH, super::THUMB.0 * 2])
        .max()
        .unwrap_or(OG_WIDTH)
        .min(p.width);
    let (w, h) = size_of(p, Variant::Width(widest));
    let swapped = p.orientation >= 5;
    let (sw, sh) = if swapped {
        (p.height, p.width)
    } else {
        (p.width, p.height)
    };
    let (tw, th) = if swapped { (h, w) } else { (w, h) };
    let src = fr::images::Image::from_vec_u8(sw, sh, raw, pixel).map_err(|e| e.to_string())?;
    let scaled = resize(&src, (tw, th), None)?;
    drop(src);
    let mut out = Pixels {
        width: tw,
        height: th,
        alpha,
        data: scaled,
    };
    if p.orientation > 1 {
        out = out.orient(p.orientation)?;
    }
    Ok(out)
}

/// Pixels in memory, RGB or RGBA.
struct Pixels {
    width: u32,
    height: u32,
    alpha: bool,
    data: Vec<u8>,
}

impl Pixels {
    fn pixel_type(&self) -> fr::PixelType {
        if self.alpha {
            fr::PixelType::U8x4
        } else {
            fr::PixelType::U8x3
        }
    }

    fn orient(self, orientation: u8) -> std::result::Result<Pixels, String> {
        let mut img = if self.alpha {
            DynamicImage::ImageRgba8(
                image::RgbaImage::from_raw(self.width, self.height, self.data).ok_or("buffer")?,
            )
        } else {
            DynamicImage::ImageRgb8(
                image::RgbImage::from_raw(self.width, self.height, self.data).ok_or("buffer")?,
            )
        };
        if let Some(o) = Orientation::from_exif(orientation) {
            img.apply_orientation(o);
        }
        let (width, height) = (img.width(), img.height());
        Ok(Pixels {
            width,
            height,
            alpha: self.alpha,
            data: img.into_bytes(),
        })
    }
}

/// `src` (cut to `crop`: left, top, width, height) scaled to `size`.
fn resize(
    src: &impl fr::IntoImageView,
    size: (u32, u32),
    crop: Option<(f64, f64, f64, f64)>,
) -> std::result::Result<Vec<u8>, String> {
    let pixel = src.pixel_type().ok_or("pixel type")?;
    let mut dst = fr::images::Image::new(size.0, size.1, pixel);
    let mut options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    if let Some((l, t, w, h)) = crop {
        options = options.crop(l, t, w, h);
    }
    fr::Resizer::new()
        .resize(src, &mut dst, &options)
        .map_err(|e| e.to_string())?;
    Ok(dst.into_vec())
}

/// One derivative of the intermediate `base`, encoded.
fn derive(
    base: &Pixels,
    p: &Photo,
    v: Variant,
    settings: &Settings,
) -> std::result::Result<Vec<u8>, String> {
    let (w, h) = size_of(p, v);
    let crop = match v {
        Variant::Thumb(focus) => Some(crop_at(base.width, base.height, focus)),
        _ => None,
    };
    let (w, h) = (w.min(base.width).max(1), h.max(1));
    let h = if crop.is_none() && w == base.width {
        base.height
    } else {
        h
    };
    let data = if (w, h) == (base.width, base.height) && crop.is_none() {
        base.data.clone()
    } else {
        let src = fr::images::ImageRef::new(base.width, base.height, &base.data, base.pixel_type())
            .map_err(|e| e.to_string())?;
        resize(&src, (w, h), crop)?
    };
    let jpeg = v == Variant::Og || settings.format == ImageFormat::Jpeg;
    let quality = settings.quality.clamp(1, 100);
    if jpeg {
        encode_jpeg(&data, w, h, base.alpha, quality)
    } else {
        Ok(encode_webp(&data, w, h, base.alpha, quality))
    }
}

/// The thumbnail's box in a `width`×`height` image, placed at `focus`.
fn crop_at(width: u32, height: u32, focus: Focus) -> (f64, f64, f64, f64) {
    let (cw, ch) = super::crop_box(width, height);
    let left = f64::from(width - cw) * f64::from(focus.0.min(100)) / 100.0;
    let top = f64::from(height - ch) * f64::from(focus.1.min(100)) / 100.0;
    (left.round(), top.round(), f64::from(cw), f64::from(ch))
}

fn encode_webp(data: &[u8], w: u32, h: u32, alpha: bool, quality: u8) -> Vec<u8> {
    let encoder = if alpha {
        webp::Encoder::from_rgba(data, w, h)
    } else {
        webp::Encoder::from_rgb(data, w, h)
    };
    encoder.encode(f32::from(quality)).to_vec()
}

fn encode_jpeg(
    data: &[u8],
    w: u32,
    h: u32,
    alpha: bool,
    quality: u8,
) -> std::result::Result<Vec<u8>, String> {
    // JPEG has no transparency: what is transparent is shown on white.
    let rgb: std::borrow::Cow<'_, [u8]> = if alpha {
        data.chunks_exact(4)
            .flat_map(|px| {
                let a = u16::from(px[3]);
                [0, 1, 2].map(|i| ((u16::from(px[i]) * a + 255 * (255 - a)) / 255) as u8)
            })
            .collect::<Vec<u8>>()
            .into()
    } else {
        data.into()
    };
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode(&rgb, w, h, image::ExtendedColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}
