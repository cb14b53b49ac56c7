/// Documents builds papers from the replayed session and prints them through `Printer`, whose
/// public types (the template library, formats, result-form facts, the policy of N, electronic
/// signatures) are part of what a caller of Documents works with: re-exported, so that the
/// command line and the tests need only `import Documents`.
@_exported import Printer
