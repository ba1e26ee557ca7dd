//! Streams an upstream file to the partner without buffering it: peeks at the first bytes for
//! the type, undoes Intervals.icu's gzip when asked, and names the download.

use actix_web::http::header;
use actix_web::HttpResponse;
use futures_util::TryStreamExt;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio_util::io::{ReaderStream, StreamReader};

use crate::domain::uploads::filetype::{sniff_plain, Kind};
use crate::web::errors::AppError;

const PEEK: usize = 64 * 1024;

/// A file's bytes, as the downloads answer them (documentation only).
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct FileBytes(Vec<u8>);

fn io_err(e: reqwest::Error) -> std::io::Error {
    std::io::Error::other(e.without_url())
}

/// Fills the buffer until it holds at least `n` bytes or the stream ends.
async fn peek<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
    n: usize,
) -> std::io::Result<Vec<u8>> {
    // BufReader::fill_buf returns what one read gives; the first chunk is enough to sniff.
    let buf = reader.fill_buf().await?;
    Ok(buf[..buf.len().min(n)].to_vec())
}

fn respond<R: AsyncRead + Unpin + 'static>(
    reader: R,
    content_type: &str,
    filename: &str,
) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type.to_owned()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .streaming(ReaderStream::new(reader))
}

/// `base` names the file (`i123` → `i123.fit`). With `gunzip`, a gzip body is decompressed on
/// the fly so the partner gets the file as uploaded.
pub async fn stream_file(
    resp: reqwest::Response,
    base: &str,
    gunzip: bool,
) -> Result<HttpResponse, AppError> {
    let upstream_type = resp
        .headers()
        .get(header::CONTENT_TYPE.as_str())
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let stream = resp.bytes_stream().map_err(io_err);
    let mut reader = BufReader::with_capacity(PEEK, StreamReader::new(stream));
    let head = peek(&mut reader, 512)
        .await
        .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    if gunzip && head.starts_with(&[0x1f, 0x8b]) {
        let mut inner = BufReader::with_capacity(
            PEEK,
            async_compression::tokio::bufread::GzipDecoder::new(reader),
        );
        let head = peek(&mut inner, 512).await.map_err(|e| {
            AppError::new(
                actix_web::http::StatusCode::BAD_GATEWAY,
                crate::web::errors::ProblemKind::UpstreamError,
                format!("Intervals.icu sent a corrupt gzip file: {e}"),
            )
        })?;
        let (ct, name) = describe(&head, base, None);
        return Ok(respond(inner, ct, &name));
    }
    let (ct, name) = describe(&head, base, upstream_type.as_deref());
    Ok(respond(reader, ct, &name))
}

fn describe(head: &[u8], base: &str, upstream_type: Option<&str>) -> (&'static str, String) {
    match sniff_plain(head) {
        Some(k @ (Kind::Fit | Kind::Tcx | Kind::Gpx)) => {
            (k.content_type(), format!("{base}.{}", k.ext()))
        }
        None if head.starts_with(b"PK\x03\x04") => ("application/zip", format!("{base}.zip")),
        None if head.starts_with(&[0x1f, 0x8b]) => ("application/gzip", format!("{base}.gz")),
        None => match upstream_type {
            Some(t) if t.starts_with("text/") || t.contains("xml") => {
                ("application/xml", format!("{base}.xml"))
            }
            _ => ("application/octet-stream", base.to_owned()),
        },
    }
}

/// Streams a workout file with a fixed type and name.
pub fn stream_named(resp: reqwest::Response, content_type: &str, filename: &str) -> HttpResponse {
    let stream = resp.bytes_stream().map_err(io_err);
    respond(StreamReader::new(stream), content_type, filename)
}
