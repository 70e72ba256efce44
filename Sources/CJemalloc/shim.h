// jemalloc is linked, not called: its malloc and free take the place of the C library's for
// the whole process (Swift runtime, SQLite, cmark-gfm). Nothing is declared here, so that no
// second declaration of malloc reaches Swift. See docs/adr/0022.
