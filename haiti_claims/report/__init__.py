"""Report writers: one module per format, each a function of a Report returning text."""
