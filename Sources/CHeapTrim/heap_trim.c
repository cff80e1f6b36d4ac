#include <stdlib.h>  /* defines __GLIBC__ on glibc systems, checked below */
#include "heap_trim.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int crm_heap_trim(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
