#ifndef TALLY_CSQLITECONFIG_H
#define TALLY_CSQLITECONFIG_H

/// Process-wide SQLite settings for a process whose connections are each used by one thread at a
/// time (GRDB's DatabaseQueue): no per-call connection mutex (multi-thread mode) and no memory
/// statistics (a global mutex around every allocation). Must run before the first connection
/// opens; returns 0 when applied, else SQLite's error code (SQLITE_MISUSE when too late).
int tally_sqlite_configure_single_writer(void);

#endif
