// Debian's libpq-dev installs the header under /usr/include/postgresql; other systems put it on the
// include path directly.
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#else
#include <libpq-fe.h>
#endif
