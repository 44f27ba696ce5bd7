//! Writing files so that `kg` cannot destroy data.
//!
//! * A regular file (or a new one) is replaced atomically: the bytes go to a temporary file in
//!   the same folder, which is then renamed over the target, so a reader sees the old content or
//!   the new, never half of it. A symbolic link is followed, so the file it points to is
//!   replaced and the link stays.
//! * A FIFO, a character device (`/dev/stdout`, `/dev/null`) or `-` is written to directly: it
//!   streams, and renaming over it would replace the device with a file.
//! * A folder, a block device (a disk) or a socket is refused before any work is done.
//! * A folder of files (the CSV export) is written to a new folder next to the target and
//!   swapped in whole, so a failure halfway leaves the old folder as it was.
//!
//! Temporary files and folders are named `.kg-tmp-PID-...`, after the process that writes them.
//! A run removes those whose process is gone before it writes next to them (a killed build leaves
//! one), and Ctrl-C removes the run's own ([`remove_pending`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

/// How every temporary file and folder kg makes is named: this, the writer's process id, `-`.
pub const TEMP_PREFIX: &str = ".kg-tmp-";

/// Temporary files and folders this process has made and not yet renamed or removed, for
/// [`remove_pending`].
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the lock was held left a list that is still a list.
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the temporary files and folders this process is writing. Called on Ctrl-C, just
/// before the process ends.
pub fn remove_pending() {
    for path in pending().drain(..) {
        let _ = match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
            Ok(_) => fs::remove_file(&path),
            Err(_) => Ok(()),
        };
    }
}

/// A temporary file or folder on the pending list while it lives.
struct Registered(PathBuf);

impl Registered {
    fn new(path: &Path) -> Registered {
        pending().push(path.to_path_buf());
        Registered(path.to_path_buf())
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        pending().retain(|p| p != &self.0);
    }
}

/// The prefix of this process's temporary names.
fn own_prefix() -> String {
    format!("{TEMP_PREFIX}{}-", std::process::id())
}

/// Removes the temporary files and folders in `dir` left by `kg` processes that are gone. A
/// name whose process still runs (or may run: the check is not possible) is left alone.
pub fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || !process_is_gone(pid) {
            continue;
        }
        let path = entry.path();
        let _ = match entry.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(&path),
            Ok(_) => fs::remove_file(&path),
            Err(_) => Ok(()),
        };
    }
}

/// True when no process has this id. Known only where `/proc` lists processes (Linux); elsewhere
/// nothing is known to be gone.
fn process_is_gone(pid: u32) -> bool {
    Path::new("/proc/self").exists() && !Path::new("/proc").join(pid.to_string()).exists()
}

/// What a path to write names.
enum Target {
    /// `-`: standard output.
    Stdout,
    /// A FIFO or a character device: written to as it is.
    Stream(PathBuf),
    /// A regular file, or none yet: replaced atomically. The path is the file's own, through
    /// symbolic links.
    File(PathBuf),
}

/// Says how `path` is to be written, or why it cannot be: refused before any work is done.
fn target(path: &Path) -> Result<Target> {
    if path.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let shown = path.display();
    match fs::metadata(path) {
        Ok(meta) => {
            let kind = meta.file_type();
            if kind.is_dir() {
                bail!("cannot write `{shown}`: it is a folder");
            }
            // Whatever `/dev/stdout` or `/dev/fd/3` leads to (a terminal, a pipe, or a file the
            // shell redirected to), it is written through, never renamed over.
            if is_device_path(path) {
                return Ok(Target::Stream(path.to_path_buf()));
            }
            if kind.is_file() {
                let real = if fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
                    fs::canonicalize(path).with_context(|| format!("cannot write `{shown}`"))?
                } else {
                    path.to_path_buf()
                };
                return Ok(Target::File(real));
            }
            special(path, &kind)
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
                bail!("cannot write `{shown}`: it is a symbolic link to nothing");
            }
            let dir = folder_of(path);
            if !dir.is_dir() {
                bail!(
                    "cannot write `{shown}`: there is no folder `{}`",
                    dir.display()
                );
            }
            Ok(Target::File(path.to_path_buf()))
        }
        Err(err) => Err(err).with_context(|| format!("cannot write `{shown}`")),
    }
}

/// True for a path under `/dev` or `/proc`: the system's names for devices and open files.
fn is_device_path(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

/// A FIFO or character device streams; a block device or socket is refused.
#[cfg(unix)]
fn special(path: &Path, kind: &fs::FileType) -> Result<Target> {
    use std::os::unix::fs::FileTypeExt;
    let shown = path.display();
    if kind.is_fifo() || kind.is_char_device() {
        return Ok(Target::Stream(path.to_path_buf()));
    }
    if kind.is_block_device() {
        bail!("cannot write `{shown}`: it is a block device (a disk), which kg never writes");
    }
    bail!("cannot write `{shown}`: it is a socket");
}

#[cfg(not(unix))]
fn special(path: &Path, _kind: &fs::FileType) -> Result<Target> {
    Ok(Target::Stream(path.to_path_buf()))
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A destination opened before long work (a build), so that a path that cannot be written
/// fails at once, not after every document has been read.
pub struct Output {
    path: PathBuf,
    target: Target,
    /// For a file: the temporary file that will take its place.
    temp: Option<(tempfile::NamedTempFile, Registered)>,
}

impl Output {
    /// Checks the path and, for a file, makes the temporary file next to it.
    pub fn open(path: &Path) -> Result<Output> {
        let target = target(path)?;
        let temp = match &target {
            Target::File(file) => {
                let dir = folder_of(file);
                sweep(dir);
                let temp = tempfile::Builder::new()
                    .prefix(&own_prefix())
                    .tempfile_in(dir)
                    .with_context(|| format!("cannot write `{}`", path.display()))?;
                let registered = Registered::new(temp.path());
                Some((temp, registered))
            }
            Target::Stdout | Target::Stream(_) => None,
        };
        Ok(Output {
            path: path.to_path_buf(),
            target,
            temp,
        })
    }

    /// True when this writes to standard output.
    pub fn is_stdout(&self) -> bool {
        matches!(self.target, Target::Stdout)
    }

    /// Writes the bytes: a file is put in place of the old one; a stream gets them as they are.
    /// Dropped without this, the temporary file is removed and the target is untouched.
    pub fn write(self, bytes: &[u8]) -> Result<()> {
        self.write_parts(&[bytes])
    }

    /// Writes several pieces one after the other, as [`Output::write`] writes one: a large
    /// file made of parts need not be copied into one buffer first.
    pub fn write_parts(self, parts: &[&[u8]]) -> Result<()> {
        let cannot_write = || format!("cannot write `{}`", self.path.display());
        let write_all = |to: &mut dyn Write| -> io::Result<()> {
            for part in parts {
                to.write_all(part)?;
            }
            Ok(())
        };
        match (&self.target, self.temp) {
            (Target::Stdout, _) => {
                let mut out = io::stdout().lock();
                write_all(&mut out)?;
                out.flush()?;
                Ok(())
            }
            (Target::Stream(path), _) => {
                // No `create`, no `truncate`: a FIFO or a device is opened as it is.
                let mut stream = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(cannot_write)?;
                write_all(&mut stream).with_context(cannot_write)?;
                stream.flush().with_context(cannot_write)
            }
            (Target::File(file), Some((mut temp, registered))) => {
                write_all(&mut temp).with_context(cannot_write)?;
                // The temporary file is private (0600); the file it becomes keeps the
                // permissions of the one it replaces, or gets the usual ones for a new file.
                if let Some(permissions) = fs::metadata(file)
                    .ok()
                    .map(|m| m.permissions())
                    .or_else(new_file_permissions)
                {
                    temp.as_file()
                        .set_permissions(permissions)
                        .with_context(cannot_write)?;
                }
                temp.as_file().sync_all().with_context(cannot_write)?;
                temp.persist(file)
                    .map_err(|err| err.error)
                    .with_context(cannot_write)?;
                drop(registered);
                Ok(())
            }
            (Target::File(_), None) => bail!("{}: no temporary file was made", cannot_write()),
        }
    }
}

/// Writes a file so that readers see the old content or the new, never a half-written one (see
/// the module's notes for FIFOs, devices and `-`).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    Output::open(path)?.write(bytes)
}

/// Writes a folder of files: to a new folder next to `dir`, swapped in whole for the old one.
/// An existing `dir` may hold only files of these names (what an earlier export wrote), so that
/// swapping it never throws away anything else.
pub fn write_folder(dir: &Path, files: &[(&str, String)]) -> Result<()> {
    let shown = dir.display();
    let dir = match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let real = fs::canonicalize(dir).with_context(|| format!("cannot read `{shown}`"))?;
            let entries = fs::read_dir(&real).with_context(|| format!("cannot read `{shown}`"))?;
            for entry in entries {
                let entry = entry.with_context(|| format!("cannot read `{shown}`"))?;
                let name = entry.file_name();
                if !files.iter().any(|(file, _)| name == *file) {
                    bail!(
                        "cannot write to the folder `{shown}`: it holds `{}`, which this export \
                         did not write, and the folder is replaced whole; give a new or empty \
                         folder",
                        name.to_string_lossy()
                    );
                }
            }
            real
        }
        Ok(_) => {
            bail!("cannot write to `{shown}`: it is a file, and the export is a folder of files")
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let parent = folder_of(dir);
            if !parent.is_dir() {
                bail!(
                    "cannot write `{shown}`: there is no folder `{}`",
                    parent.display()
                );
            }
            dir.to_path_buf()
        }
        Err(err) => return Err(err).with_context(|| format!("cannot write `{shown}`")),
    };
    let parent = folder_of(&dir);
    sweep(parent);
    let cannot_write = || format!("cannot write `{shown}`");
    let temp = tempfile::Builder::new()
        .prefix(&own_prefix())
        .tempdir_in(parent)
        .with_context(cannot_write)?;
    let registered = Registered::new(temp.path());
    for (name, text) in files {
        let path = temp.path().join(name);
        let mut file = File::create(&path).with_context(cannot_write)?;
        file.write_all(text.as_bytes()).with_context(cannot_write)?;
        file.sync_all().with_context(cannot_write)?;
    }
    if let Some(permissions) = new_folder_permissions() {
        fs::set_permissions(temp.path(), permissions).with_context(cannot_write)?;
    }
    if dir.exists() {
        swap(temp.path(), &dir).with_context(cannot_write)?;
        // `temp` now holds the old folder, which goes with it.
        temp.close().with_context(cannot_write)?;
    } else {
        fs::rename(temp.path(), &dir).with_context(cannot_write)?;
        // Renamed away: nothing is left to remove.
        let _ = temp.keep();
    }
    drop(registered);
    Ok(())
}

/// Exchanges two folders in one step (Linux), or in two renames elsewhere.
#[cfg(target_os = "linux")]
fn swap(new: &Path, old: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, new, CWD, old, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // A file system without the exchange.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => swap_by_renames(new, old),
        Err(err) => Err(err.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(new: &Path, old: &Path) -> io::Result<()> {
    swap_by_renames(new, old)
}

/// Old to a side name, new in its place, old to where new was.
fn swap_by_renames(new: &Path, old: &Path) -> io::Result<()> {
    let aside = new.with_extension("old");
    fs::rename(old, &aside)?;
    if let Err(err) = fs::rename(new, old) {
        let _ = fs::rename(&aside, old);
        return Err(err);
    }
    fs::rename(&aside, new)
}

/// The permissions of a newly written file: read and write for its owner, read for others.
#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

/// The permissions of a newly written folder.
#[cfg(unix)]
fn new_folder_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn new_folder_permissions() -> Option<fs::Permissions> {
    None
}

/// Identifies a file across the names it may go by (links, `./`, hard links): its device and
/// inode where the platform has them, and its canonical path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileId {
    #[cfg(unix)]
    dev_ino: (u64, u64),
    canonical: PathBuf,
}

impl FileId {
    /// The identity of an existing file; `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<FileId> {
        let meta = fs::metadata(path).ok()?;
        #[cfg(not(unix))]
        let _ = meta;
        Some(FileId {
            #[cfg(unix)]
            dev_ino: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
            canonical: fs::canonicalize(path).ok()?,
        })
    }

    /// True when `path` names this file: the same device and inode, or the same canonical path.
    pub fn is(&self, path: &Path) -> bool {
        match FileId::of(path) {
            #[cfg(unix)]
            Some(other) => other.dev_ino == self.dev_ino || other.canonical == self.canonical,
            #[cfg(not(unix))]
            Some(other) => other.canonical == self.canonical,
            None => false,
        }
    }
}

/// True when the file at `path` is a kg graph file (it starts with the graph file's magic).
pub fn is_graph_file(path: &Path) -> bool {
    // Only a regular file is opened: opening a FIFO would wait for a writer.
    if !is_existing_file(path) {
        return false;
    }
    let mut head = [0u8; 8];
    File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| {
            kg::build::content::not_text(&head) == Some(kg::build::content::NotText::Graph)
        })
}

/// True when `path` is an existing regular file (through links): what `> FILE` would replace.
pub fn is_existing_file(path: &Path) -> bool {
    !is_device_path(path) && fs::metadata(path).is_ok_and(|m| m.is_file())
}
