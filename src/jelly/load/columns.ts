// The flattened columns the analysis reads, named as json_normalize names them.
export const TYPE = "_source.message_decoded.type";
export const UUID = "_source.message_decoded.data.uuid";
export const LINK = "_source.message_decoded.data.clientState.currentlyWatching";

/** What loadEvents needs to keep for this analysis. */
export const ANALYSIS_COLUMNS: string[] = [TYPE, UUID, LINK];
