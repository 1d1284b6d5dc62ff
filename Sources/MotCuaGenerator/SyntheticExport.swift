// Filled in by the data generator work (issue 9).
enum SyntheticExport {}
