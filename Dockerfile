# caatsa-screen HTTP service.
#   docker build -t caatsa-screen .
#   docker run --rm -p 8080:8080 caatsa-screen
# Settings come from CAATSA_* environment variables (see docs/service.md).

# ---- build: the release binary (the built-in knowledge base is compiled in from data/) ----
FROM rust:1-bookworm AS builder
WORKDIR /build
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY data ./data
RUN cargo build --release --locked --bin caatsa-screen

# ---- runtime: a small Debian with the binary and the data files, as a non-root user ----
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin caatsa \
    && mkdir -p /var/lib/caatsa && chown 10001:10001 /var/lib/caatsa
WORKDIR /app
COPY --from=builder /build/target/release/caatsa-screen /usr/local/bin/caatsa-screen
# The shipped data (OFAC files, curated indicators), e.g. for CAATSA_INDICATORS=/app/data/ofac/...
COPY data ./data
# Records (screenings, decisions, API keys) live in the volume. The service refuses to listen on
# 0.0.0.0 until a key exists: `docker run -v caatsa:/var/lib/caatsa IMAGE keys create --tenant T --role admin`.
ENV CAATSA_BIND=0.0.0.0:8080 \
    CAATSA_LOG_FORMAT=json \
    CAATSA_DATABASE_URL=sqlite:///var/lib/caatsa/caatsa-screen.db
VOLUME ["/var/lib/caatsa"]
USER 10001:10001
EXPOSE 8080
# The binary probes its own /healthz (the image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["caatsa-screen", "healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["caatsa-screen"]
CMD ["serve"]
