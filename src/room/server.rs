//! The server thread: one current-thread tokio runtime on a named thread, accepting connections
//! up to the connection cap, each served by hyper's HTTP/1 with a header timeout, a header
//! buffer cap and a bounded lifetime. Nothing here ever runs on the UI thread.

use std::convert::Infallible;
use std::net::TcpListener as StdListener;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};

use super::routes::{Ctx, handle};

/// hyper's own buffer for request headers: past this it answers 431 without reading further.
/// The per-request check in `routes` answers a JSON 431 well before this.
const HEADER_BUFFER_BYTES: usize = 16 * 1024;

/// How many "too busy" answers may be in flight at once; past that, extra connections are just
/// closed.
const BUSY_REPLIES: usize = 32;

/// Runs the server until `stop` changes. Called on the room's own thread.
pub(crate) fn run(
    listener: StdListener,
    ctx: Arc<Ctx>,
    stop: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async move {
        let listener = TcpListener::from_std(listener)?;
        accept_loop(listener, ctx, stop).await;
        Ok(())
    })
}

/// Accepts connections until stopped; over the cap, answers 503 and closes.
async fn accept_loop(listener: TcpListener, ctx: Arc<Ctx>, mut stop: watch::Receiver<bool>) {
    let slots = Arc::new(Semaphore::new(ctx.limits.max_connections));
    let busy = Arc::new(Semaphore::new(BUSY_REPLIES));
    loop {
        let accepted = tokio::select! {
            _ = stop.changed() => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((stream, peer)) = accepted else {
            // Out of file descriptors or a reset during accept: breathe, then go on.
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            if let Ok(permit) = Arc::clone(&busy).try_acquire_owned() {
                tokio::spawn(async move {
                    too_busy(stream).await;
                    drop(permit);
                });
            }
            continue;
        };
        let ctx = Arc::clone(&ctx);
        tokio::spawn(async move {
            serve(stream, peer.ip(), ctx).await;
            drop(slot);
        });
    }
}

/// Serves one connection with the room's timeouts.
async fn serve(stream: TcpStream, ip: std::net::IpAddr, ctx: Arc<Ctx>) {
    let _ = stream.set_nodelay(true);
    let lifetime = ctx.limits.connection_lifetime;
    let header_timeout = ctx.limits.header_timeout;
    let service = service_fn(move |req| {
        let ctx = Arc::clone(&ctx);
        async move { Ok::<_, Infallible>(handle(req, ip, ctx).await) }
    });
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .max_buf_size(HEADER_BUFFER_BYTES)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = tokio::time::sleep(lifetime) => {
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(Duration::from_secs(5), conn).await;
        }
    }
}

/// The answer when every connection slot is taken.
async fn too_busy(mut stream: TcpStream) {
    let body =
        r#"{"error":"The room is busy. Try again in a moment.","code":"too_many_connections"}"#;
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Retry-After: 2\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let write = async {
        stream.write_all(response.as_bytes()).await?;
        stream.shutdown().await
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), write).await;
}
