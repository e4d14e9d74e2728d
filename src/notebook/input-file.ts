// What a report says of each file its run read (the header's table, the executed notebook's metadata).
/** A file the run read: the SHA-256 of the bytes it read, or none when the file changed while it ran. */
export type InputFile = { path: string; bytes: number; sha256: string } | { path: string; bytes: number; changedDuringRun: true };
