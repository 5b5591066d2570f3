// A module that exports nothing.
