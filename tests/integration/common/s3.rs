//! A real S3-protocol server for the storage tests: `s3s-fs` (crates.io, feature `binary`;
//! `.ci/run` installs it) started once per test binary on a free loopback port over a
//! temporary directory. Each test gets its own bucket (a folder of that directory), so tests
//! run in parallel and can look at the objects on disk.
//!
//! The server runs under `sh`, which kills it when our end of its standard input closes —
//! that is, when the test process exits, however it exits — so no server outlives the run.

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use juara::AppConfig;

const ACCESS_KEY: &str = "juara-test";
const SECRET_KEY: &str = "juara-test-secret";

/// The running server: its address and the directory holding the buckets.
pub struct S3Server {
    addr: SocketAddr,
    root: tempfile::TempDir,
    /// Kept so its standard input stays open while the tests run.
    _child: std::sync::Mutex<Child>,
}

/// A bucket of the shared server, created for one test.
pub struct Bucket {
    pub name: String,
    server: &'static S3Server,
}

fn binary() -> PathBuf {
    if let Some(path) = std::env::var_os("S3S_FS") {
        return path.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let installed = home.map(|h| h.join("bin/s3s-fs"));
    match installed {
        Some(p) if p.exists() => p,
        _ => "s3s-fs".into(),
    }
}

fn start() -> S3Server {
    let root = tempfile::tempdir().expect("s3 root");
    // A free port: bound and released; the server takes it a moment later.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let bin = binary();
    let script = r#""$0" --host 127.0.0.1 --port "$1" --access-key "$2" --secret-key "$3" "$4" \
        >/dev/null 2>&1 & pid=$!; cat >/dev/null; kill $pid"#;
    let mut child = Command::new("sh")
        .args(["-c", script])
        .arg(&bin)
        .arg(port.to_string())
        .args([ACCESS_KEY, SECRET_KEY])
        .arg(root.path())
        .stdin(Stdio::piped())
        .spawn()
        .expect("sh");
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(addr).is_err() {
        assert!(
            Instant::now() < deadline,
            "the S3 test server did not start: is `{}` installed? \
             (cargo install s3s-fs --features binary --locked, or set S3S_FS)",
            bin.display()
        );
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the S3 test server exited at once ({status})");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.stdin.as_mut().map(|i| i.flush());
    S3Server {
        addr,
        root,
        _child: std::sync::Mutex::new(child),
    }
}

fn server() -> &'static S3Server {
    static SERVER: OnceLock<S3Server> = OnceLock::new();
    SERVER.get_or_init(start)
}

impl Bucket {
    /// A new empty bucket.
    pub fn create() -> Bucket {
        let server = server();
        let name = format!("t{}", uuid::Uuid::new_v4().simple());
        std::fs::create_dir(server.root.path().join(&name)).expect("bucket folder");
        Bucket { name, server }
    }

    /// Points `config` at this bucket.
    pub fn configure(&self, config: &mut AppConfig) {
        config.storage = format!("s3://{}", self.name);
        config.storage_endpoint = Some(format!("http://{}", self.server.addr));
        config.storage_region = Some("us-east-1".into());
        config.storage_access_key = Some(ACCESS_KEY.into());
        config.storage_secret_key = Some(SECRET_KEY.into());
    }

    /// The bytes of object `key`, read from the server's disk (not through the app).
    pub fn object(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.server.root.path().join(&self.name).join(key)).ok()
    }

    /// Every object's key, sorted (read from the server's disk, not through the app).
    pub fn keys(&self) -> Vec<String> {
        fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(base, &path, out);
                } else if let Ok(rel) = path.strip_prefix(base) {
                    out.push(rel.to_string_lossy().into_owned());
                }
            }
        }
        let dir = self.server.root.path().join(&self.name);
        let mut out = Vec::new();
        walk(&dir, &dir, &mut out);
        out.retain(|k| !k.starts_with('.') && !k.contains("/."));
        out.sort();
        out
    }
}
