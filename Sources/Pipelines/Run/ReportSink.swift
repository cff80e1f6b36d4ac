import Reports

/// Where the files of a report set go as they are made: the run hands `StagedReportSet.write`,
/// which writes each file to staging at once, so producers (`OutputSet`, `ScopedReports`,
/// `SegmentExports`) never gather a whole set in memory.
typealias ReportSink = (ReportFile) throws -> Void
