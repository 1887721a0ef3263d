#include "CSQLiteConfig.h"
#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call: this is its only C.
int tally_sqlite_configure_single_writer(void) {
    int code = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (code != SQLITE_OK) return code;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
