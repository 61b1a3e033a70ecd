//! The last steps of `POST /v1/screenings`: the [`Keeper`] a screening renders into (with the
//! caller's earlier decisions looked up chunk by chunk), and the store. The response is sent only
//! after the store has committed: a client that got a `screening_id` can always read it back. If
//! the database does not answer, the request fails (503 `storage_unavailable`) rather than
//! returning a result no one can find later. The answer is streamed from the packed output, so
//! neither the result nor its rendering is ever whole in memory.

use actix_web::body::{BoxBody, SizedStream};
use actix_web::web::{self, Bytes};
use actix_web::{HttpMessage, HttpRequest};
use tracing_actix_web::RequestId;

use crate::screening::{Screener, Summary};
use crate::store::keep::Kept;
use std::sync::Arc;

use crate::store::packing::Unpacker;
use crate::store::spool::Spooled;

use super::auth::Caller;
use super::error::ApiError;
use super::intake::Screened;
use super::keeper::Keeper;
use super::render::OutputFormat;
use super::state::AppState;
use super::stop::{Stop, StopGuard};

/// The keeper for a screening `caller` asked for, answering in `format`, and the guard that
/// stops its work when dropped ([`super::stop`]). Decisions are looked up from the screening
/// thread, on the runtime this is called from.
pub fn keeper(
    state: &web::Data<AppState>,
    caller: &Caller,
    screener: &Screener,
    format: OutputFormat,
) -> Result<(Keeper, StopGuard), ApiError> {
    let (stop, guard) = Stop::new(state.screening_timeout);
    let handle = tokio::runtime::Handle::current();
    let (state, tenant) = (state.clone(), caller.tenant.clone());
    let lookup = Box::new(move |subjects: &[String]| {
        handle
            .block_on(state.store.subject_decisions(&tenant, subjects))
            .map_err(|e| state.storage_error(e))
    });
    let keeper = Keeper::new(screener.header(), screener.tables(), format, lookup)?;
    Ok((keeper.stopping(stop), guard))
}

/// A kept screening's answer: as rendered when it is small, otherwise its packed copy.
pub struct Answer {
    pub screening_id: String,
    pub summary: Summary,
    pub content_type: &'static str,
    body: AnswerBody,
}

enum AnswerBody {
    Rendered(Vec<u8>),
    Packed(Arc<Spooled>, u64),
}

impl AnswerBody {
    /// As rendered when the packer kept it (`raw`), otherwise from the packed copy.
    fn of(raw: Option<Vec<u8>>, packed: &Arc<Spooled>, len: u64) -> AnswerBody {
        match raw {
            Some(rendered) => AnswerBody::Rendered(rendered),
            None => AnswerBody::Packed(Arc::clone(packed), len),
        }
    }
}

impl Answer {
    /// The body; a packed one is unpacked a piece at a time as the client reads it.
    pub fn body(self) -> BoxBody {
        let (packed, len) = match self.body {
            AnswerBody::Rendered(bytes) => return BoxBody::new(Bytes::from(bytes)),
            AnswerBody::Packed(packed, len) => (packed, len),
        };
        BoxBody::new(SizedStream::new(len, Box::pin(unpacked(packed))))
    }
}

/// What `packed` holds, unpacked 64 KiB at a time as the body is sent (LZ4 decodes a piece in
/// tens of microseconds, so it runs on the response's task).
pub fn unpacked(
    packed: Arc<Spooled>,
) -> impl futures_util::Stream<Item = std::io::Result<Bytes>> + 'static {
    futures_util::stream::unfold(Unpacker::new(packed), |mut unpacker| async move {
        let mut buf = vec![0; 64 * 1024];
        match std::io::Read::read(&mut unpacker, &mut buf) {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(Bytes::from(buf)), unpacker))
            }
            Err(e) => Some((Err(e), unpacker)),
        }
    })
}

/// Stores `screened` for the caller's tenant; answers its rendering in `format`.
pub async fn keep_screening(
    state: &AppState,
    caller: &Caller,
    request: &HttpRequest,
    screened: Screened,
    format: OutputFormat,
) -> Result<Answer, ApiError> {
    let Screened {
        output,
        input,
        slot,
    } = screened;
    // The CPU work is done; storing is I/O.
    drop(slot);
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .map(|id| id.to_string());
    let mut output = output;
    let body = match (format, output.csv.take()) {
        (OutputFormat::Csv, Some(csv)) => AnswerBody::of(csv.raw, &csv.bytes, csv.len),
        _ => AnswerBody::of(
            output.result.raw.take(),
            &output.result.bytes,
            output.result.len,
        ),
    };
    let row = Kept {
        header: &output.header,
        summary: output.summary,
        input_format: input.format,
        manifest: input.packed,
        result: output.result.bytes,
    }
    .row(&caller.tenant, request_id);
    state
        .store
        .insert_screening(row)
        .await
        .map_err(|e| state.storage_error(e))?;
    Ok(Answer {
        screening_id: output.header.screening_id,
        summary: output.summary,
        content_type: format.content_type(),
        body,
    })
}
