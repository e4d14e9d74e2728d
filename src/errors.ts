/**
 * An error in the input a user gave (a file, a row, a parameter), with a message that says
 * where and what was expected, so it can be acted on without reading a stack trace.
 */
export class DataError extends Error {}
// On the prototype, not as a field: the stack (what tslab prints) is built before fields are set.
DataError.prototype.name = "DataError";
