//! How many threads read a file, and into how many chunks it is cut.

/// When a file is read by several threads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Threads {
    /// Files smaller than this are read by one thread.
    pub min_file_bytes: usize,
    /// The smallest chunk a file is cut into.
    pub min_chunk_bytes: usize,
    /// The most threads (besides the calling one); `None`: one per core, at most 8.
    pub max: Option<usize>,
}

impl Default for Threads {
    /// Below 8 MB starting threads costs more than it saves.
    fn default() -> Self {
        Threads {
            min_file_bytes: 8 << 20,
            min_chunk_bytes: 2 << 20,
            max: None,
        }
    }
}

impl Threads {
    /// How many threads read a file of `file_bytes` bytes.
    pub(crate) fn workers(&self, file_bytes: usize) -> usize {
        if file_bytes < self.min_file_bytes {
            return 1;
        }
        self.max
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
            .max(1)
    }
}

/// Chunks per thread: enough that a thread that falls behind does not hold the others up, few
/// enough that a chunk is large.
pub(crate) const CHUNKS_PER_WORKER: usize = 8;
