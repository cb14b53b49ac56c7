#include <stdlib.h>  // defines __GLIBC__ on glibc
#include "CHeap.h"

#if defined(__GLIBC__)
#include <malloc.h>

int cheap_keep_large_buffers(int mmap_threshold, int trim_threshold) {
    int mmap_taken = mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    int trim_taken = mallopt(M_TRIM_THRESHOLD, trim_threshold);
    return mmap_taken == 1 && trim_taken == 1;
}
#else
int cheap_keep_large_buffers(int mmap_threshold, int trim_threshold) {
    (void)mmap_threshold;
    (void)trim_threshold;
    return 0;
}
#endif
