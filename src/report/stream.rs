//! Incremental writers for a streamed screening: results are written as they arrive, so a
//! million-line batch never sits in memory. The JSON document has the same keys as
//! [`crate::screening::Screening`] (`summary`, known only at the end, is written last — key order
//! is not significant in JSON); row errors are kept until the end of the JSON document because
//! they belong in its `errors` array, and so are the `laws`, `legal_texts`, `sources` and
//! `notes` the lines cite (a few dozen entries, however many lines: see
//! [`crate::screening::tables`]).

use std::io::Write;

use crate::manifest::RowError;
use crate::screening::tables::Tables;
use crate::screening::{LineResult, ScreeningHeader, Summary, Warning};

/// A sink for one screening's results, in input order.
pub trait ResultWriter {
    fn line(&mut self, result: &LineResult) -> std::io::Result<()>;
    fn error(&mut self, error: RowError) -> std::io::Result<()>;
    fn finish(&mut self, summary: &Summary, warnings: &[Warning]) -> std::io::Result<()>;
}

pub struct JsonWriter<W: Write> {
    out: W,
    first: bool,
    errors: Vec<RowError>,
    tables: Tables,
}

impl<W: Write> JsonWriter<W> {
    /// Starts the document; `tables` (from [`crate::screening::Screener::tables`]) collect what
    /// the lines cite.
    pub fn start(mut out: W, header: &ScreeningHeader, tables: Tables) -> std::io::Result<Self> {
        write!(
            out,
            "{{\"screening_id\":{},\"created_at\":{},\"indicators_version\":{},\"results\":[",
            json(&header.screening_id)?,
            json(&header.created_at)?,
            json(&header.indicators_version)?
        )?;
        Ok(JsonWriter {
            out,
            first: true,
            errors: Vec::new(),
            tables,
        })
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> std::io::Result<String> {
    serde_json::to_string(value).map_err(std::io::Error::other)
}

impl<W: Write> JsonWriter<W> {
    /// Closes the document and hands back the sink.
    pub fn finish_into(mut self, summary: &Summary, warnings: &[Warning]) -> std::io::Result<W> {
        self.finish(summary, warnings)?;
        Ok(self.out)
    }
}

impl<W: Write> ResultWriter for JsonWriter<W> {
    fn line(&mut self, result: &LineResult) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",\n")?;
        }
        self.first = false;
        self.tables.add(result);
        serde_json::to_writer(&mut self.out, result).map_err(std::io::Error::other)
    }

    fn error(&mut self, error: RowError) -> std::io::Result<()> {
        self.errors.push(error);
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, warnings: &[Warning]) -> std::io::Result<()> {
        writeln!(
            self.out,
            "],\"errors\":{},\"warnings\":{},\"laws\":{},\"legal_texts\":{},\"sources\":{},\
             \"notes\":{},\"summary\":{}}}",
            json(&self.errors)?,
            json(warnings)?,
            json(&self.tables.set.laws)?,
            json(&self.tables.set.legal_texts)?,
            json(&self.tables.set.sources)?,
            json(&self.tables.set.notes)?,
            json(summary)?
        )?;
        self.out.flush()
    }
}

pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    version: String,
}

impl<W: Write> CsvWriter<W> {
    pub fn start(out: W, header: &ScreeningHeader) -> std::io::Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        super::csv::write_header(&mut out).map_err(std::io::Error::other)?;
        Ok(CsvWriter {
            out,
            version: header.indicators_version.to_owned(),
        })
    }
}

impl<W: Write> CsvWriter<W> {
    /// Flushes the rows and hands back the sink.
    pub fn finish_into(self) -> std::io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }
}

impl<W: Write> ResultWriter for CsvWriter<W> {
    fn line(&mut self, result: &LineResult) -> std::io::Result<()> {
        super::csv::write_line(&mut self.out, result, &self.version).map_err(std::io::Error::other)
    }

    fn error(&mut self, error: RowError) -> std::io::Result<()> {
        super::csv::write_error(&mut self.out, &error, &self.version).map_err(std::io::Error::other)
    }

    fn finish(&mut self, _summary: &Summary, _warnings: &[Warning]) -> std::io::Result<()> {
        self.out.flush()
    }
}
