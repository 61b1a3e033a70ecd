//! A minimal HTTP/1.0 GET used by `caatsa-screen healthcheck` (the container's HEALTHCHECK), so
//! the runtime image needs no curl. Standard library only; it reads the status line and nothing
//! else. The trade-off: no TLS, redirects or chunked bodies — it only ever talks to the service's
//! own `/healthz` on loopback.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

/// How long the probe waits to connect, write and read.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("cannot resolve {addr}: {source}")]
    Resolve {
        addr: String,
        source: std::io::Error,
    },
    #[error("cannot reach {addr}: {source}")]
    Io {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{addr} did not answer with an HTTP status line")]
    NotHttp { addr: SocketAddr },
}

/// The HTTP status of `GET path` at `addr` (`host:port`).
pub fn get_status(addr: &str, path: &str) -> Result<u16, ProbeError> {
    let target = addr
        .to_socket_addrs()
        .map_err(|source| ProbeError::Resolve {
            addr: addr.to_owned(),
            source,
        })?
        .next()
        .ok_or_else(|| ProbeError::Resolve {
            addr: addr.to_owned(),
            source: std::io::Error::other("no address"),
        })?;
    let io = |source| ProbeError::Io {
        addr: target,
        source,
    };
    let mut stream = TcpStream::connect_timeout(&target, PROBE_TIMEOUT).map_err(io)?;
    stream.set_read_timeout(Some(PROBE_TIMEOUT)).map_err(io)?;
    stream.set_write_timeout(Some(PROBE_TIMEOUT)).map_err(io)?;
    // One write of the whole request: `write!` on a socket sends each formatted piece as its own
    // segment, and a server that answers after the first piece and closes makes the next one fail.
    let request = format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n");
    stream.write_all(request.as_bytes()).map_err(io)?;
    let mut head = [0u8; 64];
    let mut filled = 0;
    while filled < head.len() {
        let n = stream.read(&mut head[filled..]).map_err(io)?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    let line = String::from_utf8_lossy(&head[..filled]);
    line.strip_prefix("HTTP/")
        .and_then(|rest| rest.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or(ProbeError::NotHttp { addr: target })
}

/// The loopback address to probe for a service bound to `bind` (an unspecified address such as
/// `0.0.0.0` becomes the loopback address of the same family).
pub fn loopback_for(bind: SocketAddr) -> SocketAddr {
    let ip = match bind {
        SocketAddr::V4(a) if a.ip().is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
        SocketAddr::V6(a) if a.ip().is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
        other => other.ip(),
    };
    SocketAddr::new(ip, bind.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_reads_the_status_of_a_tiny_server() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let server = std::thread::spawn(move || {
            let (mut socket, _) = listener.accept().expect("accept");
            let mut request = Vec::new();
            let mut chunk = [0u8; 256];
            while !request.ends_with(b"\r\n\r\n") {
                let n = socket.read(&mut chunk).expect("read");
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&chunk[..n]);
            }
            let seen = String::from_utf8_lossy(&request).into_owned();
            socket
                .write_all(b"HTTP/1.1 503 Service Unavailable\r\n\r\n")
                .expect("write");
            seen
        });
        assert_eq!(
            get_status(&addr.to_string(), "/healthz").expect("status"),
            503
        );
        assert!(server
            .join()
            .expect("joined")
            .starts_with("GET /healthz HTTP/1.0"));
    }

    #[test]
    fn an_unspecified_bind_address_is_probed_on_loopback() {
        let bind: SocketAddr = "0.0.0.0:8080".parse().expect("addr");
        assert_eq!(loopback_for(bind).to_string(), "127.0.0.1:8080");
        let bind: SocketAddr = "10.0.0.5:9000".parse().expect("addr");
        assert_eq!(loopback_for(bind), bind);
    }
}
