//! Web: the connection layer under the router — accepts TCP connections with hyper's HTTP/1
//! builder and a timer, so that no client can hold the server: a deadline for each request head,
//! an idle keep-alive timeout, a stall timeout on reading bodies and writing answers, a cap on
//! open connections below the open-file limit, and a bounded grace when shutting down.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};

/// File descriptors kept free for the index, the corpus and logs when capping connections.
const RESERVED_FILES: u64 = 256;

/// How the server treats connections; flags and `TALENTDEX_*` variables set them
/// (docs/operations.md lists the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnLimits {
    /// A request head (request line and headers) must arrive within this, or the connection closes.
    pub header_timeout: Duration,
    /// A connection with no bytes moving while it waits for a request (or a body) closes after this.
    pub idle_timeout: Duration,
    /// An answer the client does not read for this long is abandoned and the connection closed.
    pub write_timeout: Duration,
    /// Connections beyond this wait in the listen backlog (clamped below the open-file limit).
    pub max_connections: usize,
    /// After SIGTERM, connections still open after this are dropped.
    pub shutdown_grace: Duration,
}

impl Default for ConnLimits {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(5),
            idle_timeout: Duration::from_secs(15),
            write_timeout: Duration::from_secs(10),
            max_connections: 4096,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Raise the soft open-file limit to the hard one, and return the connection cap that fits
/// under it.
pub fn fit_to_open_files(wanted: usize) -> usize {
    let limit = match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "cannot raise the open-file limit");
            rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(1024, |(soft, _)| soft)
        }
    };
    let fits = usize::try_from(limit.saturating_sub(RESERVED_FILES).max(1)).unwrap_or(usize::MAX);
    if wanted > fits {
        tracing::warn!(
            wanted,
            fits,
            open_files = limit,
            "connection cap lowered to fit the open-file limit"
        );
    }
    wanted.min(fits)
}

/// Accept connections on `listener` and serve `router` on each until `shutdown` completes, then
/// give open connections `limits.shutdown_grace` to finish.
pub async fn run(
    listener: TcpListener,
    router: Router,
    limits: ConnLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let max_connections = fit_to_open_files(limits.max_connections);
    let slots = Arc::new(Semaphore::new(max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            () = &mut shutdown => break,
            permit = Arc::clone(&slots).acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // EMFILE and friends: back off instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let io = TokioIo::new(TimedIo::new(stream, limits));
        let conn = builder.serve_connection(io, TowerToHyperService::new(router.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection closed");
            }
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!(
        grace_ms = limits.shutdown_grace.as_millis() as u64,
        "draining connections"
    );
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after the shutdown grace; closing them");
    }
    Ok(())
}

/// A TCP stream that fails a read or write which makes no progress for too long: reads (idle
/// keep-alive, stalled bodies) after `idle_timeout`, writes (a client that does not read) after
/// `write_timeout`. Any progress either way restarts both clocks.
struct TimedIo {
    inner: TcpStream,
    limits: ConnLimits,
    last_progress: Instant,
    read_deadline: Pin<Box<Sleep>>,
    write_deadline: Pin<Box<Sleep>>,
}

impl TimedIo {
    fn new(inner: TcpStream, limits: ConnLimits) -> Self {
        let now = Instant::now();
        Self {
            inner,
            limits,
            last_progress: now,
            read_deadline: Box::pin(tokio::time::sleep_until(now + limits.idle_timeout)),
            write_deadline: Box::pin(tokio::time::sleep_until(now + limits.write_timeout)),
        }
    }

    fn progressed(&mut self) {
        self.last_progress = Instant::now();
    }
}

/// `Pending`, or a timeout error once `sleep` (reset to `deadline`) has fired.
fn stalled(
    sleep: &mut Pin<Box<Sleep>>,
    deadline: Instant,
    cx: &mut Context<'_>,
) -> Poll<io::Error> {
    if sleep.deadline() != deadline {
        sleep.as_mut().reset(deadline);
    }
    match sleep.as_mut().poll(cx) {
        Poll::Ready(()) => Poll::Ready(io::Error::new(
            io::ErrorKind::TimedOut,
            "no progress on the connection",
        )),
        Poll::Pending => Poll::Pending,
    }
}

impl AsyncRead for TimedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(result) => {
                this.progressed();
                Poll::Ready(result)
            }
            Poll::Pending => {
                let deadline = this.last_progress + this.limits.idle_timeout;
                stalled(&mut this.read_deadline, deadline, cx).map(Err)
            }
        }
    }
}

impl AsyncWrite for TimedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Ready(result) => {
                this.progressed();
                Poll::Ready(result)
            }
            Poll::Pending => {
                let deadline = this.last_progress + this.limits.write_timeout;
                stalled(&mut this.write_deadline, deadline, cx).map(Err)
            }
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(result) => {
                this.progressed();
                Poll::Ready(result)
            }
            Poll::Pending => {
                let deadline = this.last_progress + this.limits.write_timeout;
                stalled(&mut this.write_deadline, deadline, cx).map(Err)
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
