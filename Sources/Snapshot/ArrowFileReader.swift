import Columns

/// Reads a whole Arrow IPC file written by `ArrowFileWriter` back into a `Table`. The file is
/// mapped, and every offset and length taken from it is checked against the mapping before use,
/// so a truncated, foreign or garbage file yields a `SnapshotError` naming the file and the
/// fault. To read only some columns, open an `ArrowTableFile`.
public enum ArrowFileReader {
    public static func read(path: String, tableName: String? = nil) throws(SnapshotError) -> Table {
        let file = try ArrowTableFile(path: path, tableName: tableName)
        do {
            return try file.table()
        } catch {
            throw error.prefixed(path)
        }
    }

    /// Reads from bytes in memory. The table is named `tableName`, else the name in the file's
    /// schema metadata, else "table".
    public static func read(bytes: UnsafeRawBufferPointer, tableName: String? = nil) throws(SnapshotError) -> Table {
        // Every column is read before returning, so the table never refers to `bytes`.
        try ArrowTableFile(bytes: bytes, keeping: nil, tableName: tableName).table()
    }
}
