#ifndef CRM_HEAP_TRIM_H
#define CRM_HEAP_TRIM_H

/// Hands the allocator's free pages back to the system (glibc `malloc_trim(0)`: every arena, and
/// free runs in the middle of the heap too). Returns 1 when memory was released. Elsewhere a no-op.
int crm_heap_trim(void);

#endif
