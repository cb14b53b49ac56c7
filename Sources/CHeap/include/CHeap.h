#ifndef CHEAP_H
#define CHEAP_H

/// Tunes glibc's allocator to keep large freed buffers on the heap for reuse: allocations up to
/// `mmap_threshold` bytes come from the heap rather than fresh mappings, and up to
/// `trim_threshold` free bytes stay mapped at its top (mallopt's M_MMAP_THRESHOLD and
/// M_TRIM_THRESHOLD, from <malloc.h>, which Swift's Glibc module does not include).
///
/// Returns 1 when both settings were taken, 0 when one was refused or the C library is not glibc.
int cheap_keep_large_buffers(int mmap_threshold, int trim_threshold);

#endif
