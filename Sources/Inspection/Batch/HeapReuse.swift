import CHeap

/// Keeps the large buffers of a batch on the heap from one session to the next.
///
/// Each session brings buffers of a few megabytes (archive, plaintext, journal). glibc maps
/// every allocation above 128 KiB afresh and unmaps it when freed, so each session pays for
/// faulting in and zeroing new pages; raising the thresholds keeps those buffers on the heap
/// for the next session. Memory stays flat: the same pages are reused.
public enum HeapReuse {
    /// Raises glibc's mmap threshold to 64 MiB and its trim threshold to 128 MiB for the rest
    /// of the process; false where the C library has no such settings (nothing changes then).
    @discardableResult
    public static func keepLargeBuffers() -> Bool {
        cheap_keep_large_buffers(64 << 20, 128 << 20) == 1
    }
}
